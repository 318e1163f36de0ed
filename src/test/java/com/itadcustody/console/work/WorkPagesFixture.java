package com.itadcustody.console.work;

import static org.awaitility.Awaitility.await;

import com.itadcustody.asset.AssetFixtures;
import com.itadcustody.asset.internal.Asset;
import com.itadcustody.asset.internal.AssetInput;
import com.itadcustody.asset.internal.AssetRegistry;
import com.itadcustody.identity.NewUser;
import com.itadcustody.identity.User;
import com.itadcustody.identity.Users;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.Role;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/**
 * Users who sign in to the console, assets, and the engine's open steps, for the work pages' tests.
 */
final class WorkPagesFixture {

    static final String PASSWORD = "console-test-password-1";

    private final Users users;
    private final AssetRegistry assets;
    private final ProcessEngine engine;

    WorkPagesFixture(ApplicationContext context) {
        this.users = context.getBean(Users.class);
        this.assets = context.getBean(AssetRegistry.class);
        this.engine = context.getBean(ProcessEngine.class);
    }

    /**
     * A user who signs in with {@link #PASSWORD}.
     *
     * @param username the username
     * @param actor the same person as an actor of the module APIs
     */
    record Login(String username, Actor actor) {
    }

    /** A new user with these roles. */
    Login user(String prefix, Role... roles) {
        String username = prefix + "." + UUID.randomUUID().toString().substring(0, 8);
        User user = users.register(new NewUser(username, "Console test " + username,
                username + "@test.itadcustody.invalid", PASSWORD, Set.of(roles), null), Actor.system());
        return new Login(username, new Actor(user.id(), username, Set.of(roles), null));
    }

    /** A new laptop in service, with one NVMe drive. */
    Asset laptop() {
        return assets.register(AssetFixtures.anyLaptop(), AssetFixtures.actor(Role.IT_STAFF));
    }

    /** A new asset in service. */
    Asset asset(AssetInput input) {
        return assets.register(input, AssetFixtures.actor(Role.IT_STAFF));
    }

    /** The asset as it is now. */
    Asset reload(UUID assetId) {
        return assets.get(assetId);
    }

    /** Waits until the process instance with this business key has this step open; returns the step's task id. */
    String awaitTask(UUID businessKey, String step) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<Task> open = engine.getTaskService().createTaskQuery()
                    .processInstanceBusinessKey(businessKey.toString()).taskDefinitionKey(step).list();
            if (open.isEmpty()) {
                return false;
            }
            id[0] = open.get(0).getId();
            return true;
        });
        return id[0];
    }

    /** The retirement (process business key) started for this asset, once its process runs. */
    UUID retirementOf(UUID assetId) {
        UUID[] id = new UUID[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var found = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("asset-retirement")
                    .variableValueEquals("assetId", assetId.toString()).list();
            if (found.isEmpty()) {
                return false;
            }
            id[0] = UUID.fromString(found.get(0).getBusinessKey());
            return true;
        });
        return id[0];
    }

    /** Whether the step is still open (not completed). */
    boolean open(String taskId) {
        return engine.getTaskService().createTaskQuery().taskId(taskId).count() == 1;
    }

    /** The process engine, for tests that move its clock. */
    ProcessEngine engine() {
        return engine;
    }
}

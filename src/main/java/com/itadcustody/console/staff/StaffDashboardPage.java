package com.itadcustody.console.staff;

import com.itadcustody.asset.AssetCatalog;
import com.itadcustody.asset.AssetStatus;
import com.itadcustody.identity.Users;
import com.itadcustody.partner.ErasureExceptionCounts;
import com.itadcustody.retirement.RetirementOverview;
import com.itadcustody.retirement.RetirementOverview.CycleTimes;
import com.itadcustody.shared.Actor;
import com.itadcustody.shared.CurrentActor;
import com.itadcustody.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The staff dashboard at {@code /}: assets per lifecycle stage, SLA breaches waiting for a follow-up, open
 * exceptions and discrepancies, value recovered this quarter, and two charts (assets retired per month by
 * disposition, median cycle time per stage). Vendor users are sent to the partner portal.
 */
@Controller
class StaffDashboardPage {

    /** The lifecycle stages of a retirement, as asset statuses, in order. */
    static final List<AssetStatus> STAGES = List.of(AssetStatus.RETIREMENT_REQUESTED, AssetStatus.RETIREMENT_APPROVED,
            AssetStatus.SANITIZED, AssetStatus.RELEASED_TO_VENDOR, AssetStatus.RECEIVED_BY_VENDOR,
            AssetStatus.DISPOSED, AssetStatus.LOST);

    /** How many months the disposal chart shows, the current one included. */
    static final int MONTHS = 12;

    /** How far back the cycle-time chart looks (retirements closed in that time). */
    static final int CYCLE_TIME_DAYS = 90;

    private final CurrentActor currentActor;
    private final Users users;
    private final AssetCatalog assets;
    private final RetirementOverview overview;
    private final ErasureExceptionCounts erasureExceptions;
    private final Clock clock = Clock.systemUTC();

    StaffDashboardPage(CurrentActor currentActor, Users users, AssetCatalog assets, RetirementOverview overview,
            ErasureExceptionCounts erasureExceptions) {
        this.currentActor = currentActor;
        this.users = users;
        this.assets = assets;
        this.overview = overview;
        this.erasureExceptions = erasureExceptions;
    }

    /** A lifecycle stage's tile. */
    record StageCount(AssetStatus status, String name, long count) {
    }

    @GetMapping("/")
    String dashboard(Model model) {
        Actor actor = currentActor.get();
        if (actor.has(Role.VENDOR)) {
            return "redirect:/portal";
        }
        if (!StaffAccess.isStaff(actor)) {
            throw new org.springframework.security.access.AccessDeniedException("the staff pages are for staff");
        }
        model.addAttribute("displayName", actor.userId() == null ? actor.username()
                : users.find(actor.userId()).map(u -> u.displayName()).orElse(actor.username()));
        model.addAttribute("roles", actor.roles().stream().sorted().map(Role::name).toList());
        model.addAttribute("admin", actor.has(Role.ADMIN));

        Map<AssetStatus, Long> counts = assets.countByStatus();
        model.addAttribute("stages", STAGES.stream().map(s -> new StageCount(s, stageName(s), counts.get(s)))
                .toList());
        model.addAttribute("overdueSlas", overview.overdueSlas());
        model.addAttribute("openExceptions", erasureExceptions.open());
        model.addAttribute("openDiscrepancies", overview.openDiscrepancies());

        LocalDate today = LocalDate.now(clock);
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1);
        model.addAttribute("quarter", "Q" + ((today.getMonthValue() - 1) / 3 + 1) + " " + today.getYear());
        var recovered = overview.valueRecovered(quarterStart.atStartOfDay(ZoneOffset.UTC).toInstant(),
                quarterStart.plusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant());
        model.addAttribute("recovered", recovered);
        model.addAttribute("settlements", recovered.stream().mapToLong(r -> r.settlements()).sum());

        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(MONTHS - 1);
        var monthRows = Charts.monthRows(overview.closedPerMonth(first.atDay(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant()), first, last);
        model.addAttribute("dispositions", Charts.DISPOSITIONS);
        model.addAttribute("monthRows", monthRows);
        model.addAttribute("disposalChart", Charts.disposals(monthRows));

        CycleTimes times = overview.cycleTimes(Instant.now(clock).minus(java.time.Duration.ofDays(CYCLE_TIME_DAYS)));
        model.addAttribute("cycleTimes", times);
        model.addAttribute("cycleDays", CYCLE_TIME_DAYS);
        model.addAttribute("cycleSample", RetirementOverview.CYCLE_TIME_SAMPLE);
        model.addAttribute("stageRows", Charts.stageRows(times));
        model.addAttribute("cycleChart", Charts.cycleTimes(times));
        return "console/staff/dashboard";
    }

    static String stageName(AssetStatus status) {
        return switch (status) {
            case RETIREMENT_REQUESTED -> "Requested (awaiting approval)";
            case RETIREMENT_APPROVED -> "Approved (preparation and sanitization)";
            case SANITIZED -> "Sanitized (awaiting handoff)";
            case RELEASED_TO_VENDOR -> "Released to vendor (in transit)";
            case RECEIVED_BY_VENDOR -> "Received by vendor (processing)";
            case DISPOSED -> "Disposed";
            case LOST -> "Lost";
            default -> status.name();
        };
    }
}

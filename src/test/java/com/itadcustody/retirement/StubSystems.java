package com.itadcustody.retirement;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The outside systems behind the de-provisioning connectors, as a real HTTP server on a random port (the JDK's):
 * each path answers what the test scripted, then its standing answer; every request is kept. One server for all
 * connector test classes.
 */
final class StubSystems {

    static final String MDM = "/mdm";
    static final String DIRECTORY = "/directory";
    static final String CERTIFICATES = "/certificates";
    static final String ACCOUNTS = "/accounts";

    static final StubSystems SHARED = new StubSystems();

    /** An answer. */
    record Reply(int status, String body, boolean hangs) {
        static Reply ok(String body) {
            return new Reply(200, body, false);
        }

        static Reply status(int status, String body) {
            return new Reply(status, body, false);
        }

        /** No answer until the test ends (the connector times out). */
        static Reply hang() {
            return new Reply(0, null, true);
        }
    }

    /** A request received. */
    record Received(String path, String authorization, String idempotencyKey, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Reply> standing = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch release = new CountDownLatch(1);

    private StubSystems() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "stub-systems");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
        reset();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every system answers 200 with a ticket again; hanging requests are let go; nothing received. */
    void reset() {
        release.countDown();
        release = new CountDownLatch(1);
        scripted.clear();
        received.clear();
        for (String path : List.of(MDM, DIRECTORY, CERTIFICATES, ACCOUNTS)) {
            standing.put(path, Reply.ok("{\"outcome\": \"DONE\", \"ticket\": \"" + path.substring(1) + "-4711\"}"));
        }
    }

    /** These answers first, in order, then the standing one. */
    void script(String path, Reply... replies) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /** The answer from now on. */
    void always(String path, Reply reply) {
        scripted.remove(path);
        standing.put(path, reply);
    }

    List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            Deque<Reply> queue = scripted.get(path);
            Reply reply = queue == null ? null : queue.poll();
            if (reply == null) {
                reply = standing.getOrDefault(path, Reply.status(404, "{\"error\": \"no such system\"}"));
            }
            if (reply.hangs()) {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reply = Reply.status(504, "");
            }
            byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (IOException e) {
            // the connector gave up on this request (timeout): nothing to answer
        }
    }
}

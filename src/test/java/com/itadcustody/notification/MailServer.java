package com.itadcustody.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a free loopback port for the notification tests, which can be stopped (an SMTP
 * outage) and started again on the same port.
 */
final class MailServer {

    private final int port;
    private GreenMail greenMail;

    private MailServer(int port) {
        this.port = port;
    }

    /** Starts a server on a free port. */
    static MailServer start() {
        try (ServerSocket probe = new ServerSocket(0)) {
            probe.setReuseAddress(true);
            MailServer server = new MailServer(probe.getLocalPort());
            probe.close();
            server.up();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** Starts (again) on the same port; the mail received before an outage is gone. */
    synchronized void up() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    /** Stops the server: connections to its port are refused. */
    synchronized void down() {
        greenMail.stop();
    }

    /** One received mail, decoded. */
    record Received(List<String> to, String from, String subject, String text, String html) {
    }

    /** The mail received so far whose subject contains {@code subjectPart}. */
    synchronized List<Received> received(String subjectPart) {
        return Arrays.stream(greenMail.getReceivedMessages()).map(MailServer::decode)
                .filter(m -> m.subject().contains(subjectPart)).toList();
    }

    private static Received decode(MimeMessage message) {
        try {
            List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString)
                    .toList();
            String[] bodies = new String[2];
            collect(message.getContent(), message.getContentType(), bodies);
            return new Received(to, message.getFrom()[0].toString(), message.getSubject(), bodies[0], bodies[1]);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Object content, String type, String[] bodies) throws MessagingException, IOException {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                collect(part.getContent(), part.getContentType(), bodies);
            }
        } else if (content instanceof String text) {
            bodies[type.toLowerCase().startsWith("text/html") ? 1 : 0] = text.replace("\r\n", "\n");
        }
    }
}

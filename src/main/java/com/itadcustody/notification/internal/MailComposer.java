package com.itadcustody.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a mail from its Thymeleaf templates under {@code templates/mail/}: {@code <name>.subject.txt} (one line),
 * {@code <name>.txt} (the plain-text body) and {@code <name>.html} (the HTML alternative), each given the event's
 * variables and {@code link}, an absolute address under {@code itad.public-url}.
 */
@Component
class MailComposer {

    private final TemplateEngine text;
    private final TemplateEngine html;
    private final String publicUrl;

    MailComposer(@Value("${itad.public-url:http://localhost:8080}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.text = engine(TemplateMode.TEXT, ".txt");
        this.html = engine(TemplateMode.HTML, ".html");
    }

    /** A rendered mail: what it is about, its subject, bodies and the link it carries. */
    record Composed(String kind, String subject, String text, String html, String link) {
    }

    /** Renders template {@code name} with these variables and a link to {@code path} (e.g. /portal/lots/ID). */
    Composed compose(String kind, String name, String path, Map<String, Object> variables) {
        String link = publicUrl + path;
        Map<String, Object> all = new HashMap<>(variables);
        all.put("link", link);
        all.put("publicUrl", publicUrl);
        Context context = new Context(Locale.ENGLISH, all);
        String subject = text.process(name + ".subject", context).strip().replaceAll("\\s+", " ");
        return new Composed(kind, subject, text.process(name, context), html.process(name, context), link);
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}

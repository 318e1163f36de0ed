package com.itadcustody.certificate.internal.pdf;

import com.itextpdf.io.font.FontProgram;
import com.itextpdf.io.font.FontProgramFactory;
import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * The parsed font programs and logo a rendering needs, lent to one rendering at a time.
 *
 * <p>iText's {@code TrueTypeFont} subsets through a read position it shares with its parser, so a font program must
 * not be used by two documents at once; parsing the three DejaVu fonts per document would cost more than the rest of
 * the rendering. A kit is parsed once and lent out exclusively; at most {@code maxKits} exist, which also bounds
 * concurrent renderings (the work is CPU-bound, so more would not be faster).
 */
final class TypesettingKits {

    static final String FONT_REGULAR = "certificates/fonts/DejaVuSans.ttf";
    static final String FONT_BOLD = "certificates/fonts/DejaVuSans-Bold.ttf";
    static final String FONT_MONO = "certificates/fonts/DejaVuSansMono.ttf";
    static final String LOGO = "certificates/logo.png";

    /** The longest side of the logo as embedded: 48 pt printed at 600 dpi is 400 px, twice that is plenty. */
    private static final int LOGO_MAX_PIXELS = 800;

    /** Parsed fonts and logo for one rendering at a time. */
    record Kit(FontProgram regular, FontProgram bold, FontProgram mono, ImageData logo) {
    }

    private final byte[] regular;
    private final byte[] bold;
    private final byte[] mono;
    private final byte[] logo;
    private final int maxKits;
    private final BlockingQueue<Kit> idle;
    private final AtomicInteger created = new AtomicInteger();

    private TypesettingKits(byte[] regular, byte[] bold, byte[] mono, byte[] logo, int maxKits) {
        this.regular = regular;
        this.bold = bold;
        this.mono = mono;
        this.logo = logo;
        this.maxKits = maxKits;
        this.idle = new ArrayBlockingQueue<>(maxKits);
    }

    /**
     * Reads the fonts and the logo from the classpath and parses the first kit, so a missing or broken resource
     * fails at startup rather than at the first certificate.
     */
    static TypesettingKits fromClasspath(int maxKits) {
        ClassLoader loader = TypesettingKits.class.getClassLoader();
        TypesettingKits kits = new TypesettingKits(resource(loader, FONT_REGULAR), resource(loader, FONT_BOLD),
                resource(loader, FONT_MONO), normalisedLogo(resource(loader, LOGO)), Math.max(1, maxKits));
        kits.giveBack(kits.borrow());
        return kits;
    }

    /** Takes an idle kit, parses a new one while fewer than the maximum exist, or else waits for one. */
    Kit borrow() {
        Kit kit = idle.poll();
        if (kit != null) {
            return kit;
        }
        if (created.incrementAndGet() <= maxKits) {
            try {
                return parse();
            } catch (RuntimeException e) {
                created.decrementAndGet();
                throw e;
            }
        }
        created.decrementAndGet();
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to render a certificate", e);
        }
    }

    /** Returns a kit after its document is closed (its fonts are subset and written by then). */
    void giveBack(Kit kit) {
        if (!idle.offer(kit)) {
            created.decrementAndGet();
        }
    }

    private Kit parse() {
        try {
            return new Kit(FontProgramFactory.createFont(regular, false), FontProgramFactory.createFont(bold, false),
                    FontProgramFactory.createFont(mono, false), ImageDataFactory.create(logo));
        } catch (IOException e) {
            throw new UncheckedIOException("certificate fonts could not be parsed", e);
        }
    }

    private static byte[] resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing on the classpath: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }

    /**
     * The logo as an opaque RGB PNG of bounded size: a replaced logo with an alpha channel is flattened onto white
     * (PDF/A viewers and printers then agree on it), and a huge one is scaled down once instead of bloating every
     * certificate.
     */
    static byte[] normalisedLogo(byte[] original) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(original));
            if (image == null) {
                throw new IllegalStateException(LOGO + " is not an image ImageIO can read (use PNG or JPEG)");
            }
            double scale = Math.min(1.0, (double) LOGO_MAX_PIXELS / Math.max(image.getWidth(), image.getHeight()));
            int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage opaque = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = opaque.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
                g.drawImage(image, 0, 0, width, height, null);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(opaque, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + LOGO, e);
        }
    }
}

package com.itadcustody.certificate.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The logo as embedded: opaque and of bounded size, whatever an organisation drops into certificates/. */
class TypesettingKitsTests {

    @Test
    void flattensATransparentLogoOntoWhite() throws IOException {
        BufferedImage transparent = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = transparent.createGraphics();
        g.setColor(new Color(0x1B, 0x36, 0x5D));
        g.fillRect(0, 0, 20, 20);
        g.dispose();
        byte[] normalised = TypesettingKits.normalisedLogo(png(transparent));
        BufferedImage embedded = ImageIO.read(new ByteArrayInputStream(normalised));
        assertThat(embedded.getColorModel().hasAlpha()).isFalse();
        assertThat(embedded.getRGB(30, 10) & 0xffffff).isEqualTo(0xffffff);
        assertThat(embedded.getRGB(5, 10) & 0xffffff).isEqualTo(0x1B365D);
    }

    @Test
    void scalesAHugeLogoDown() throws IOException {
        BufferedImage huge = new BufferedImage(4000, 1000, BufferedImage.TYPE_INT_RGB);
        BufferedImage embedded = ImageIO.read(new ByteArrayInputStream(TypesettingKits.normalisedLogo(png(huge))));
        assertThat(embedded.getWidth()).isEqualTo(800);
        assertThat(embedded.getHeight()).isEqualTo(200);
    }

    @Test
    void shipsAnOpaqueLogo() throws IOException {
        try (var in = getClass().getClassLoader().getResourceAsStream(TypesettingKits.LOGO)) {
            assertThat(in).isNotNull();
            BufferedImage logo = ImageIO.read(in);
            assertThat(logo.getColorModel().hasAlpha()).isFalse();
        }
    }

    @Test
    void lendsEachKitToOneRenderingAtATime() {
        TypesettingKits kits = TypesettingKits.fromClasspath(2);
        TypesettingKits.Kit first = kits.borrow();
        TypesettingKits.Kit second = kits.borrow();
        assertThat(second).isNotSameAs(first);
        kits.giveBack(first);
        assertThat(kits.borrow()).isSameAs(first);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

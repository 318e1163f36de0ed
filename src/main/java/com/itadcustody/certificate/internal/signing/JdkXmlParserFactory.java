package com.itadcustody.certificate.internal.signing;

import com.itextpdf.kernel.utils.DefaultSafeXmlParserFactory;
import com.itextpdf.kernel.utils.XmlProcessorCreator;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;

/**
 * iText's safe XML parser factory (external entities and DTDs off), but with the JDK's built-in parsers: iText's
 * default looks the parser up with {@code DocumentBuilderFactory.newInstance()}, which scans the whole classpath for
 * a service file on every call; iText parses the XMP metadata on every signature, so on this application's
 * classpath that lookup was the largest cost of signing.
 */
final class JdkXmlParserFactory extends DefaultSafeXmlParserFactory {

    private static volatile boolean installed;

    private JdkXmlParserFactory() {
    }

    /** Makes iText use this factory (process-wide; idempotent). */
    static void install() {
        if (!installed) {
            synchronized (JdkXmlParserFactory.class) {
                if (!installed) {
                    XmlProcessorCreator.setXmlParserFactory(new JdkXmlParserFactory());
                    installed = true;
                }
            }
        }
    }

    @Override
    protected DocumentBuilderFactory createDocumentBuilderFactory() {
        return DocumentBuilderFactory.newDefaultInstance();
    }

    @Override
    protected SAXParserFactory createSAXParserFactory() {
        return SAXParserFactory.newDefaultInstance();
    }
}

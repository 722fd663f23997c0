package org.crm4j.reports.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.crm4j.CrmException;

/**
 * Lays out an XHTML document as PDF with openhtmltopdf (on PDFBox). Only this class touches
 * that optional dependency, so that HTML documents work without it.
 *
 * <p>openhtmltopdf writes its own log lines to the console by default; crm4j never does, so the
 * first PDF switches them off ({@code XRLog.setLoggingEnabled(false)}, a setting of the whole
 * JVM). What goes wrong reaches the caller as a {@link CrmException}.
 */
final class PdfOutput {
    static {
        XRLog.setLoggingEnabled(false);
    }

    /** A class of openhtmltopdf, to tell whether it is on the class path. */
    static final String RENDERER = "com.openhtmltopdf.pdfboxout.PdfRendererBuilder";

    /** A TrueType font file and the CSS font family it serves. */
    record Font(Path file, String family) {
    }

    private PdfOutput() {
    }

    /** @return whether openhtmltopdf is on the class path */
    static boolean available() {
        try {
            Class.forName(RENDERER, false, PdfOutput.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * @param xhtml a well-formed XHTML document
     * @param fonts fonts to embed, in addition to the PDF standard fonts
     * @param out where the PDF is written; not closed
     */
    static void write(String xhtml, List<Font> fonts, OutputStream out) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        for (Font font : fonts) {
            builder.useFont(font.file().toFile(), font.family());
        }
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new CrmException("The offer PDF could not be written: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CrmException("The offer document could not be laid out as PDF (PDF output needs the template to"
                    + " give well-formed XHTML): " + e.getMessage(), e);
        }
    }
}

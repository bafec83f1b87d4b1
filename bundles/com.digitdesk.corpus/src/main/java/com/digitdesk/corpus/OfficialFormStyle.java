package com.digitdesk.corpus;

import java.awt.Color;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.digitdesk.api.template.FormTemplate;

/**
 * The real layouts: the official blank page (a vector PDF of the bundle)
 * printed as the form, filled in as people fill in its plain boxes.
 */
final class OfficialFormStyle implements FormStyle {

	static final String F1040_2024 = "f1040-2024-p1";
	static final String W2_2024 = "w2-2024";
	/** The x of the dotted dividers Form 1040 prints in its SSN boxes (3 | 2 | 4 digits), measured on the page. */
	static final double[] F1040_SSN_DIVIDERS = { 500.3, 521.9 };

	private static final OfficialFormStyle F1040 = new OfficialFormStyle("forms/f1040-2024-page1-blank.pdf",
			Map.of("ssn", F1040_SSN_DIVIDERS, "spouse_ssn", F1040_SSN_DIVIDERS));
	private static final OfficialFormStyle W2 = new OfficialFormStyle("forms/fw2-2024-copy2-blank.pdf", Map.of());

	private final String resource;
	private final byte[] pdf;
	private final PlainBoxFilling filling;

	private OfficialFormStyle(String resource, Map<String, double[]> ssnDividers) {
		this.resource = resource;
		try (InputStream in = OfficialFormStyle.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("the corpus bundle has no " + resource);
			}
			this.pdf = in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read " + resource, e);
		}
		this.filling = new PlainBoxFilling(field -> OptionalDouble.empty(), 0, ssnDividers);
	}

	static OfficialFormStyle f1040() {
		return F1040;
	}

	static OfficialFormStyle w2() {
		return W2;
	}

	@Override
	public Map<String, String> values(FormTemplate template, Random random) {
		return ValueGenerator.writtenValues(template, random);
	}

	/** Renders the official page as vector graphics, so the scan's rotation and scale apply to its lines and text. */
	@Override
	public void paint(Graphics2D g, FormTemplate template) {
		// a document of its own per page: PDFBox documents are not safe to render from several threads
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Graphics2D page = (Graphics2D) g.create();
			try {
				page.setBackground(Color.WHITE);
				new PDFRenderer(document).renderPageToGraphics(0, page, 1f);
			} finally {
				page.dispose();
			}
		} catch (IOException e) {
			throw new UncheckedIOException("cannot render " + resource, e);
		}
	}

	@Override
	public void fill(Graphics2D g, FormTemplate template, Map<String, String> values, Handwriting hand,
			Random random) {
		filling.fill(g, template, values, hand, random);
	}
}

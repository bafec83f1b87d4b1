package com.digitdesk.render;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.Optional;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * Walks a page's content to see whether the page is exactly one scan image:
 * a single image drawn over the whole page, unrotated, with nothing else
 * visible on it. Only then can the image stand for the page without
 * rendering (invisible text, as OCR layers have, does not count).
 */
final class ScanImageFinder extends PDFGraphicsStreamEngine {

	/** How far, in points, the image may miss the page edges and still count as covering it. */
	private static final double EDGE_TOLERANCE = 1.0;

	private final Point2D.Float current = new Point2D.Float();
	private PDImageXObject image;
	private Matrix placement;
	private int images;
	private boolean otherMarks;

	private ScanImageFinder(PDPage page) {
		super(page);
	}

	/** The page's scan image, if the page is exactly one. */
	static Optional<PDImageXObject> find(PDPage page) throws IOException {
		if (page.getRotation() % 360 != 0) {
			return Optional.empty();
		}
		ScanImageFinder finder = new ScanImageFinder(page);
		finder.processPage(page);
		if (finder.images != 1 || finder.otherMarks || finder.image == null) {
			return Optional.empty();
		}
		PDImageXObject image = finder.image;
		if (image.isStencil() || image.getSoftMask() != null || image.getMask() != null) {
			return Optional.empty();
		}
		PDRectangle box = page.getCropBox();
		Matrix m = finder.placement;
		boolean covers = Math.abs(m.getShearX()) < 1e-6 && Math.abs(m.getShearY()) < 1e-6
				&& Math.abs(m.getScaleX() - box.getWidth()) <= EDGE_TOLERANCE
				&& Math.abs(m.getScaleY() - box.getHeight()) <= EDGE_TOLERANCE
				&& Math.abs(m.getTranslateX() - box.getLowerLeftX()) <= EDGE_TOLERANCE
				&& Math.abs(m.getTranslateY() - box.getLowerLeftY()) <= EDGE_TOLERANCE;
		return covers ? Optional.of(image) : Optional.empty();
	}

	@Override
	public void drawImage(PDImage pdImage) throws IOException {
		images++;
		if (pdImage instanceof PDImageXObject xObject) {
			image = xObject;
			placement = getGraphicsState().getCurrentTransformationMatrix().clone();
		} else {
			otherMarks = true;
		}
	}

	@Override
	protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
			throws IOException {
		if (getGraphicsState().getTextState().getRenderingMode() != RenderingMode.NEITHER) {
			otherMarks = true;
		}
	}

	@Override
	public void strokePath() {
		otherMarks = true;
	}

	@Override
	public void fillPath(int windingRule) {
		otherMarks = true;
	}

	@Override
	public void fillAndStrokePath(int windingRule) {
		otherMarks = true;
	}

	@Override
	public void shadingFill(COSName shadingName) {
		otherMarks = true;
	}

	@Override
	public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
		// Paths only matter once painted.
	}

	@Override
	public void clip(int windingRule) {
		// A clip alone paints nothing.
	}

	@Override
	public void moveTo(float x, float y) {
		current.setLocation(x, y);
	}

	@Override
	public void lineTo(float x, float y) {
		current.setLocation(x, y);
	}

	@Override
	public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
		current.setLocation(x3, y3);
	}

	@Override
	public Point2D getCurrentPoint() {
		return current;
	}

	@Override
	public void closePath() {
		// Nothing painted.
	}

	@Override
	public void endPath() {
		// Nothing painted.
	}
}

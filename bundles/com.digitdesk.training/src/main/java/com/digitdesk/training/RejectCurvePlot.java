package com.digitdesk.training;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import javax.imageio.ImageIO;

/** Draws the error-versus-reject curve as a PNG: reject rate (%) across, error (%) up. */
final class RejectCurvePlot {

	private static final int WIDTH = 720, HEIGHT = 460, LEFT = 80, RIGHT = 30, TOP = 50, BOTTOM = 60;

	private RejectCurvePlot() {
	}

	static void write(List<Evaluation.RejectPoint> curve, double targetError, String title, Path file)
			throws IOException {
		double maxReject = curve.get(curve.size() - 1).rejectRate() * 100;
		double maxError = Math.max(curve.get(0).error() * 100, targetError * 100) * 1.1;
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			int plotWidth = WIDTH - LEFT - RIGHT, plotHeight = HEIGHT - TOP - BOTTOM;
			// grid and axis labels
			for (int i = 0; i <= 5; i++) {
				int x = LEFT + plotWidth * i / 5, y = TOP + plotHeight * i / 5;
				g.setColor(new Color(225, 225, 225));
				g.drawLine(x, TOP, x, TOP + plotHeight);
				g.drawLine(LEFT, y, LEFT + plotWidth, y);
				g.setColor(Color.DARK_GRAY);
				g.drawString(String.format("%.1f", maxReject * i / 5), x - 10, TOP + plotHeight + 18);
				g.drawString(String.format("%.2f", maxError * (5 - i) / 5), LEFT - 45, y + 4);
			}
			g.drawRect(LEFT, TOP, plotWidth, plotHeight);
			g.drawString("reject rate (% of digits sent to a clerk)", LEFT + plotWidth / 2 - 110, HEIGHT - 20);
			g.rotate(-Math.PI / 2);
			g.drawString("error among accepted digits (%)", -(TOP + plotHeight / 2 + 90), 22);
			g.rotate(Math.PI / 2);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
			g.drawString(title, LEFT, 30);
			// target error line
			int targetY = TOP + (int) (plotHeight * (1 - targetError * 100 / maxError));
			g.setColor(new Color(200, 60, 60));
			g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 6, 4 }, 0));
			g.drawLine(LEFT, targetY, LEFT + plotWidth, targetY);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
			g.drawString(String.format("target %.1f%%", targetError * 100), LEFT + plotWidth - 80, targetY - 6);
			// the curve
			Path2D.Double line = new Path2D.Double();
			for (int i = 0; i < curve.size(); i++) {
				Evaluation.RejectPoint point = curve.get(i);
				double x = LEFT + plotWidth * (point.rejectRate() * 100 / maxReject);
				double y = TOP + plotHeight * (1 - point.error() * 100 / maxError);
				if (i == 0) {
					line.moveTo(x, y);
				} else {
					line.lineTo(x, y);
				}
			}
			g.setColor(new Color(30, 90, 180));
			g.setStroke(new BasicStroke(2));
			g.draw(line);
		} finally {
			g.dispose();
		}
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temp = Files.createTempFile(parent, ".plot-", ".png");
		try {
			ImageIO.write(image, "png", temp.toFile());
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(temp);
		}
	}
}

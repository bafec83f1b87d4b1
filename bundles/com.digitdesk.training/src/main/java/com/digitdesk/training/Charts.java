package com.digitdesk.training;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The figures' charts as PNG files (XChart), each written whole or not at all. */
final class Charts {

	private static final int WIDTH = 760, HEIGHT = 480;

	/** One point of a training curve: the mean loss over the batches up to {@code batch}. */
	record LossPoint(long batch, double loss) {
	}

	private Charts() {
	}

	/**
	 * Error among the accepted digits against the share sent to a clerk, one
	 * line per named curve, with the target error as a dashed line.
	 */
	static void rejectCurves(String title, Map<String, List<Evaluation.RejectPoint>> curves, double targetError,
			Path file) throws IOException {
		XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
				.xAxisTitle("reject rate (% of digits sent to a clerk)").yAxisTitle("error among accepted digits (%)")
				.build();
		style(chart);
		double maxReject = 0;
		for (Map.Entry<String, List<Evaluation.RejectPoint>> curve : curves.entrySet()) {
			List<Evaluation.RejectPoint> points = curve.getValue();
			double[] x = points.stream().mapToDouble(p -> p.rejectRate() * 100).toArray();
			double[] y = points.stream().mapToDouble(p -> p.error() * 100).toArray();
			chart.addSeries(curve.getKey(), x, y).setMarker(SeriesMarkers.NONE);
			maxReject = Math.max(maxReject, x[x.length - 1]);
		}
		XYSeries target = chart.addSeries(String.format("target %.1f%%", targetError * 100),
				new double[] { 0, maxReject }, new double[] { targetError * 100, targetError * 100 });
		target.setMarker(SeriesMarkers.NONE);
		target.setLineColor(new Color(200, 60, 60));
		target.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
		write(chart, file);
	}

	/** The training loss against the batches done. */
	static void trainingCurve(String title, List<LossPoint> points, Path file) throws IOException {
		XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("batches")
				.yAxisTitle("training loss (mean over the last batches)").build();
		style(chart);
		chart.getStyler().setLegendVisible(false);
		chart.addSeries("loss", points.stream().mapToDouble(LossPoint::batch).toArray(),
				points.stream().mapToDouble(LossPoint::loss).toArray()).setMarker(SeriesMarkers.NONE);
		write(chart, file);
	}

	private static void style(XYChart chart) {
		chart.getStyler().setChartBackgroundColor(Color.WHITE);
		chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
		chart.getStyler().setPlotGridLinesColor(new Color(225, 225, 225));
		chart.getStyler().setAntiAlias(true);
		chart.getStyler().setXAxisDecimalPattern("#,##0.#");
		chart.getStyler().setYAxisDecimalPattern("#,##0.##");
	}

	private static void write(XYChart chart, Path file) throws IOException {
		BufferedImage image = BitmapEncoder.getBufferedImage(chart);
		Path parent = file.toAbsolutePath().getParent();
		Files.createDirectories(parent);
		Path temporary = Files.createTempFile(parent, ".chart-", ".png");
		try {
			ImageIO.write(image, "png", temporary.toFile());
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}
}

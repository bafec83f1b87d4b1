package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.data.DataDirectory;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The drawing page in a real browser (Debian's headless Chromium): a stroke drawn with real mouse events
 * on the canvas is read through the API and shown as eleven probability bars; a screenshot is kept
 * ({@code target/drawing-page.png}, the README's picture).
 */
@ExtendWith(ServiceExtension.class)
class DrawingPageTest {

	@Test
	void aSevenDrawnWithTheMouseIsReadAndItsElevenBarsShown(
			@InjectService(timeout = 20000) ConfigurationAdmin configurations,
			@InjectService(timeout = 20000) DataDirectory data, @TempDir Path work) throws Exception {
		HttpApi api = HttpApi.start(configurations, data.path(), Map.of());
		try (Chromium chromium = Chromium.start(work.resolve("profile"), 860, 640)) {
			chromium.call("Page.enable", Map.of());
			chromium.call("Page.navigate", Map.of("url", api.base + "#token=" + api.token));
			chromium.await("document.readyState === 'complete' && document.getElementById('bar-9') !== null",
					Duration.ofSeconds(30));
			// the token left the address bar once the page took it
			assertThat(chromium.evaluate("location.hash").asText()).isEmpty();
			JsonNode pad = chromium.evaluate("(() => { const r = document.getElementById('pad').getBoundingClientRect();"
					+ " return {x: r.left, y: r.top, w: r.width}; })()");
			double x = pad.path("x").asDouble();
			double y = pad.path("y").asDouble();
			double side = pad.path("w").asDouble();
			// a seven: the bar, then the stem down to the left
			chromium.stroke(List.of(new double[] { x + side * 0.25, y + side * 0.22 },
					new double[] { x + side * 0.75, y + side * 0.22 }, new double[] { x + side * 0.42, y + side * 0.82 }));
			chromium.await("document.getElementById('verdict').dataset.digit === '7'", Duration.ofSeconds(20));
			JsonNode bars = chromium.evaluate("['0','1','2','3','4','5','6','7','8','9','none'].map(c => "
					+ "Number(document.getElementById('bar-' + c).dataset.probability))");
			assertThat(bars).hasSize(11);
			double sum = 0;
			for (JsonNode bar : bars) {
				sum += bar.asDouble();
			}
			assertThat(sum).isBetween(0.99, 1.01);
			assertThat(bars.get(7).asDouble()).as("the seven's bar").isGreaterThan(0.5);
			assertThat(chromium.evaluate("document.querySelector('#bar-7.top') !== null").asBoolean()).isTrue();
			assertThat(chromium.evaluate("document.getElementById('verdict').textContent").asText()).startsWith("Reads 7");
			// the bars' widths ease in for a tenth of a second
			chromium.await("getComputedStyle(document.querySelector('#bar-7 .fill')).width === "
					+ "getComputedStyle(document.querySelector('#bar-7 .track')).width", Duration.ofSeconds(5));
			byte[] screenshot = chromium.screenshot();
			Path shots = Path.of(System.getProperty("user.dir"), "target");
			Files.createDirectories(shots);
			Files.write(shots.resolve("drawing-page.png"), screenshot);
			assertThat(screenshot.length).isGreaterThan(10_000);

			// cleared, the pad shows nothing read
			chromium.evaluate("document.getElementById('clear').click()");
			chromium.await("document.getElementById('verdict').dataset.digit === ''", Duration.ofSeconds(5));
		} finally {
			HttpApi.stop(configurations);
		}
	}
}

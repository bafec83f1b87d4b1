package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code http-bench} runs wrk against the API and reports what it measured: a short run (figures are for
 * the bench itself to print, not for a test to judge), checked for what holds on any machine: every
 * single-digit request answered, every 503 with its Retry-After, the figures present.
 */
class HttpBenchTest {

	@Test
	void theBenchLoadsTheApiWithWrkAndReportsItsFigures() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThat(Commands.run(out, "http-bench", "--seconds", "4", "--json")).isZero();
		JsonNode report = HttpApi.JSON.readTree(out.toString(StandardCharsets.UTF_8));
		JsonNode single = report.path("single");
		assertThat(single.path("requests_per_second").asDouble()).isPositive();
		assertThat(single.path("ok").asLong()).isPositive();
		assertThat(single.path("errors").asLong()).as("errors at 32 connections").isZero();
		assertThat(report.path("batch_64").path("digits_per_second").asDouble()).isPositive();
		assertThat(report.path("batch_64").path("recognizer_batched_digits_per_second").asDouble()).isPositive();
		JsonNode overload = report.path("overload");
		assertThat(overload.path("ok").asLong() + overload.path("busy").asLong()).isPositive();
		assertThat(overload.path("retry_after").asLong()).isEqualTo(overload.path("busy").asLong());
		assertThat(overload.path("errors").asLong()).as("answers other than 200 and 503").isZero();
		assertThat(report.path("peak_rss_mb").asDouble()).isPositive();
	}
}

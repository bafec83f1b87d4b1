package com.digitdesk.generator;

import java.util.Map;

/**
 * What a generator model is and how it was made, kept beside its graph as
 * JSON: its kind and network, the MNIST files it learnt from (SHA-256), the
 * run's settings, command and time, its last loss, and the SHA-256 of the
 * graph file that the card vouches for.
 */
record GeneratorCard(String kind, String architecture, long seed, int epochs, int batchSize, double learningRate,
		int trainingDigits, Map<String, String> dataSha256, String command, String startedAt, double seconds,
		double finalLoss, String backend, String graphSha256) {

	GeneratorCard withGraphSha256(String sha256) {
		return new GeneratorCard(kind, architecture, seed, epochs, batchSize, learningRate, trainingDigits, dataSha256,
				command, startedAt, seconds, finalLoss, backend, sha256);
	}
}

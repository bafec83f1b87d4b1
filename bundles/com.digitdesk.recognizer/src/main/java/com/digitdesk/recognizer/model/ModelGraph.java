package com.digitdesk.recognizer.model;

/**
 * What every digit network's graph has, whatever its layers: the names of its
 * input, label, logits and loss variables, and its 11 outputs (the ten digits
 * and "not a digit").
 */
public final class ModelGraph {

	public static final String INPUT = "input";
	public static final String LABEL = "label";
	public static final String LOGITS = "logits";
	public static final String LOSS = "loss";
	public static final int CLASSES = 11;
	/** Index of the "not a digit" output. */
	public static final int NOT_A_DIGIT = 10;

	private ModelGraph() {
	}
}

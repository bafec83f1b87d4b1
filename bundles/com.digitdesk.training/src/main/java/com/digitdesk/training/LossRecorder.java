package com.digitdesk.training;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** Keeps the running mean of the training loss between two progress lines. */
final class LossRecorder extends BaseListener {

	private double sum;
	private int count;

	@Override
	public boolean isActive(Operation operation) {
		return operation == Operation.TRAINING;
	}

	@Override
	public void iterationDone(SameDiff sd, At at, MultiDataSet data, Loss loss) {
		sum += loss.totalLoss();
		count++;
	}

	/** The mean since the last call, and starts a new mean. */
	double takeMean() {
		double mean = count == 0 ? Double.NaN : sum / count;
		sum = 0;
		count = 0;
		return mean;
	}
}

package com.digitdesk.forms;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.segmentation.FieldSegmenter;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldSpec;

/**
 * Cuts cell fields with {@link CellFieldCutter} and amounts with
 * {@link AmountCutter}. When the CNN recognizer is there, it judges whether a
 * wide blob in an amount is one digit or touching digits.
 */
@Component
public class GlyphSegmenter implements FieldSegmenter {

	@Reference(target = "(recognizer=cnn)", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
	private volatile DigitRecognizer recognizer;

	public GlyphSegmenter() {
	}

	/** Outside a framework: with the recognizer that judges touching digits, or null for none. */
	public GlyphSegmenter(DigitRecognizer recognizer) {
		this.recognizer = recognizer;
	}

	@Override
	public List<SegmentedField> segment(RenderedPage page, Registration registration, List<FieldSpec> fields) {
		PageRaster raster = PageRaster.of(page);
		DigitRecognizer judgeBy = recognizer;
		SplitJudge judge = judgeBy == null ? null : new RecognizerJudge(judgeBy);
		List<SegmentedField> result = new ArrayList<>(fields.size());
		for (FieldSpec field : fields) {
			result.add(field.isCellField() ? CellFieldCutter.cut(raster, registration.transform(), field)
					: AmountCutter.cut(raster, registration.transform(), field, judge));
		}
		return result;
	}
}

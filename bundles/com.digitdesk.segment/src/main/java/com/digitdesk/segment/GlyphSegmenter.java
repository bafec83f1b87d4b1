package com.digitdesk.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import org.osgi.service.component.annotations.Component;

import com.digitdesk.api.recognition.DigitRecognizer;
import com.digitdesk.api.registration.PageTransform;
import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.segmentation.FieldSegmenter;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;

/**
 * Cuts cell fields with {@link CellFieldCutter}, amounts with
 * {@link AmountCutter} and digit strings written freely (numbers, an SSN in
 * one box) with {@link DigitStringCutter}; each first removes what is
 * printed in and around the field's box. The caller's recognizer, if any,
 * judges whether a wide blob is one digit or touching digits.
 */
@Component
public class GlyphSegmenter implements FieldSegmenter {

	@Override
	public List<SegmentedField> segment(RenderedPage page, Registration registration, List<FieldSpec> fields,
			DigitRecognizer cutJudge) {
		Objects.requireNonNull(cutJudge, "cutJudge: segmentByShape cuts without a recognizer");
		return cut(page, registration, fields, new RecognizerJudge(cutJudge));
	}

	@Override
	public List<SegmentedField> segmentByShape(RenderedPage page, Registration registration, List<FieldSpec> fields) {
		return cut(page, registration, fields, null);
	}

	/** @param judge null: cut by shape alone */
	private static List<SegmentedField> cut(RenderedPage page, Registration registration, List<FieldSpec> fields,
			SplitJudge judge) {
		PageRaster raster = PageRaster.of(page);
		PageTransform transform = registration.transform();
		List<FieldSpec> unstated = fields.stream()
				.filter(f -> f.kind() == FieldKind.AMOUNT && f.centsDivider().isEmpty()).toList();
		OptionalDouble printedDivider = PrintedDividers.common(raster, transform, unstated);
		List<RepeatedPrint.Mark> repeated = RepeatedPrint.find(raster, transform,
				fields.stream().filter(f -> f.kind() == FieldKind.AMOUNT).toList());
		Map<FieldSpec, FieldInk> amounts = new HashMap<>();
		for (FieldSpec field : fields) {
			if (field.kind() == FieldKind.AMOUNT) {
				amounts.put(field, AmountCutter.ink(raster, transform, field,
						field.centsDivider().isPresent() ? x -> true : PrintedDividers.print(field, printedDivider),
						repeated.stream().map(mark -> mark.in(field)).toList()));
			}
		}
		List<SegmentedField> result = new ArrayList<>(fields.size());
		List<Integer> bySeparators = new ArrayList<>();
		for (FieldSpec field : fields) {
			FieldInk ink = amounts.get(field);
			if (ink != null) {
				double divider = field.centsDivider().isPresent()
						? ink.raster.toX(field.centsDivider().getAsDouble())
						: PrintedDividers.at(field, ink, printedDivider);
				result.add(AmountCutter.cut(field, ink, divider, judge));
				if (Double.isNaN(divider)) {
					bySeparators.add(result.size() - 1);
				}
			} else {
				result.add(field.isCellField() ? CellFieldCutter.cut(raster, transform, field)
						: DigitStringCutter.cut(raster, transform, field, judge));
			}
		}
		return WritingHabit.check(result, bySeparators);
	}
}

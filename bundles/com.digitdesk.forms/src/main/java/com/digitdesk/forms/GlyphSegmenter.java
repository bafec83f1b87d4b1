package com.digitdesk.forms;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import com.digitdesk.api.registration.Registration;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.segmentation.FieldSegmenter;
import com.digitdesk.api.segmentation.SegmentedField;
import com.digitdesk.api.template.FieldSpec;

/** Cuts cell fields with {@link CellFieldCutter} and amounts with {@link AmountCutter}. */
@Component
public class GlyphSegmenter implements FieldSegmenter {

	@Override
	public List<SegmentedField> segment(RenderedPage page, Registration registration, List<FieldSpec> fields) {
		PageRaster raster = PageRaster.of(page);
		List<SegmentedField> result = new ArrayList<>(fields.size());
		for (FieldSpec field : fields) {
			result.add(field.isCellField() ? CellFieldCutter.cut(raster, registration.transform(), field)
					: AmountCutter.cut(raster, registration.transform(), field));
		}
		return result;
	}
}

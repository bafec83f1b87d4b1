package com.digitdesk.verify;

import java.util.Optional;

import com.digitdesk.api.template.FieldSpec;

/** A template's field by template id and field name, for its kind and format. */
@FunctionalInterface
interface FieldSpecs {

	Optional<FieldSpec> spec(String templateId, String fieldName);
}

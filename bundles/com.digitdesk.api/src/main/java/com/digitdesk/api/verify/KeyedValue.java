package com.digitdesk.api.verify;

import java.util.Objects;

/**
 * A value keyed elsewhere (a double-keying service, a workstation offline)
 * for a waiting field, named as {@code export} names it.
 *
 * @param file the document's file name
 * @param page the page, counted from 1
 * @param field the template's field name
 * @param value the value, as {@code export} writes it ("1234.56", "123456789")
 */
public record KeyedValue(String file, int page, String field, String value) {

	public KeyedValue {
		Objects.requireNonNull(file, "file");
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return file + " p." + page + " " + field + " = " + value;
	}
}

package com.digitdesk.api.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.digitdesk.api.image.PixelBox;

class SegmentedFieldTest {

	static SegmentedField field(int centsStart) {
		return new SegmentedField("f", new PixelBox(0, 0, 10, 10), List.of(), centsStart, List.of());
	}

	@Test
	void anAmountGetsItsDotBeforeTheCents() {
		assertThat(field(4).value("123456")).isEqualTo("1234.56");
		assertThat(field(1).value("5?00")).isEqualTo("5.?00");
	}

	@Test
	void cellFieldsAndEmptyFieldsAreTheirCharacters() {
		assertThat(field(-1).value("123456789")).isEqualTo("123456789");
		assertThat(field(4).value("")).isEmpty();
	}
}

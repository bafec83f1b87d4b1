package com.digitdesk.verify.ui;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.digitdesk.api.verify.KeyedValue;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * Values keyed elsewhere, as CSV rows {@code file,page,field,value} (the
 * names {@code export} writes; a header row with those names may come
 * first). Values stay text: "00123" keeps its zeros.
 */
final class KeyedCsv {

	private KeyedCsv() {
	}

	static List<KeyedValue> read(Path file) throws IOException {
		CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
				.enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
		List<KeyedValue> values = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				MappingIterator<String[]> rows = csv.readerFor(String[].class).readValues(in)) {
			int line = 0;
			while (rows.hasNext()) {
				String[] row = rows.next();
				line++;
				if (line == 1 && row.length >= 2 && row[1].equalsIgnoreCase("page")) {
					continue;
				}
				if (row.length != 4) {
					throw new IOException(file + " row " + line + ": file,page,field,value wanted, found "
							+ row.length + " columns");
				}
				int page;
				try {
					page = Integer.parseInt(row[1]);
				} catch (NumberFormatException e) {
					throw new IOException(file + " row " + line + ": the page is a number counted from 1, not \""
							+ row[1] + "\"");
				}
				values.add(new KeyedValue(row[0], page, row[2], row[3]));
			}
		} catch (RuntimeException e) {
			// Jackson's own parse errors: the file is no CSV it can read
			throw new IOException(file + ": " + e.getMessage(), e);
		}
		return values;
	}
}

package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

import com.digitdesk.api.image.PixelBox;
import com.digitdesk.api.recognition.DigitPrediction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldImage;
import com.digitdesk.api.store.FieldResult;
import com.digitdesk.api.store.PageScan;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.ReviewReason;
import com.digitdesk.api.store.StoreException;

/** The rows of one stored page: the page, its fields, their review reasons and digits, the images. */
final class PageRows {

	private PageRows() {
	}

	/**
	 * Inserts the page with everything on it, in the caller's transaction.
	 *
	 * @param what the write, for the message
	 * @throws StoreException if the page is already stored
	 */
	static void insert(Connection c, long documentId, PageResult page, String what)
			throws SQLException, StoreException {
		long pageId;
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO pages "
				+ "(document_id, page_index, template_id, registration_residual, problem, model_version) "
				+ "VALUES (?, ?, ?, ?, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
			insert.setLong(1, documentId);
			insert.setInt(2, page.pageIndex());
			insert.setString(3, page.templateId());
			insert.setDouble(4, page.registrationResidual());
			insert.setString(5, page.problem().orElse(null));
			insert.setString(6, page.modelVersion().orElse(null));
			insert.executeUpdate();
			pageId = StoreDatabase.generatedKey(insert);
		} catch (SQLException e) {
			if (StoreDatabase.UNIQUE_VIOLATION.equals(e.getSQLState())) {
				throw new StoreException(what + ": the page is already stored", e);
			}
			throw e;
		}
		long[] fieldIds = new long[0];
		if (!page.fields().isEmpty()) {
			fieldIds = insertFields(c, pageId, documentId, page.pageIndex(), page.fields());
			insertReasons(c, fieldIds, page.fields());
			insertDigits(c, fieldIds, page.fields());
		}
		if (page.scan().isPresent()) {
			insertImages(c, pageId, fieldIds, page.fields(), page.scan().get());
		}
	}

	/** The page as scanned and the snippet of every field it has one of. */
	private static void insertImages(Connection c, long pageId, long[] fieldIds, List<FieldResult> fields,
			PageScan scan) throws SQLException {
		try (PreparedStatement insert = c.prepareStatement(
				"INSERT INTO page_images (page_id, raster_width, raster_height, png) VALUES (?, ?, ?, ?)")) {
			insert.setLong(1, pageId);
			insert.setInt(2, scan.rasterWidth());
			insert.setInt(3, scan.rasterHeight());
			insert.setBytes(4, scan.png());
			insert.executeUpdate();
		}
		try (PreparedStatement insert = c.prepareStatement(
				"INSERT INTO field_images (field_id, x, y, width, height, png) VALUES (?, ?, ?, ?, ?, ?)")) {
			boolean any = false;
			for (int i = 0; i < fields.size(); i++) {
				FieldImage image = scan.fields().get(fields.get(i).name());
				if (image != null) {
					insert.setLong(1, fieldIds[i]);
					setBox(insert, 2, image.box());
					insert.setBytes(6, image.png());
					insert.addBatch();
					any = true;
				}
			}
			if (any) {
				insert.executeBatch();
			}
		}
	}

	private static long[] insertFields(Connection c, long pageId, long documentId, int pageIndex,
			List<FieldResult> fields) throws SQLException {
		long[] ids = new long[fields.size()];
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO fields (page_id, position, name, "
				+ "read_value, current_value, status, confidence, proposal, box_x, box_y, box_width, box_height, "
				+ "document_id, page_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				Statement.RETURN_GENERATED_KEYS)) {
			for (int i = 0; i < fields.size(); i++) {
				FieldResult field = fields.get(i);
				insert.setLong(1, pageId);
				insert.setInt(2, i);
				insert.setString(3, field.name());
				insert.setString(4, field.value());
				insert.setString(5, field.value());
				insert.setString(6, field.status().code());
				insert.setDouble(7, field.confidence());
				insert.setString(8, field.proposal().orElse(null));
				setBox(insert, 9, field.box().orElse(null));
				insert.setLong(13, documentId);
				insert.setInt(14, pageIndex);
				insert.addBatch();
			}
			insert.executeBatch();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				int n = 0;
				while (keys.next()) {
					if (n < ids.length) {
						ids[n] = keys.getLong(1);
					}
					n++;
				}
				if (n != ids.length) {
					throw new SQLException("the database returned " + n + " keys for " + ids.length + " fields");
				}
			}
		}
		return ids;
	}

	/** Sets four parameters from {@code first} on: x, y, width, height, or NULLs. */
	private static void setBox(PreparedStatement statement, int first, PixelBox box) throws SQLException {
		int[] values = box == null ? null : new int[] { box.x(), box.y(), box.width(), box.height() };
		for (int k = 0; k < 4; k++) {
			if (values == null) {
				statement.setNull(first + k, Types.INTEGER);
			} else {
				statement.setInt(first + k, values[k]);
			}
		}
	}

	private static void insertReasons(Connection c, long[] fieldIds, List<FieldResult> fields) throws SQLException {
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO review_reasons "
				+ "(field_id, ordinal, kind, position, detail) VALUES (?, ?, ?, ?, ?)")) {
			boolean any = false;
			for (int i = 0; i < fields.size(); i++) {
				List<ReviewReason> reasons = fields.get(i).reasons();
				for (int r = 0; r < reasons.size(); r++) {
					ReviewReason reason = reasons.get(r);
					insert.setLong(1, fieldIds[i]);
					insert.setInt(2, r);
					insert.setString(3, reason.kind().name());
					insert.setInt(4, reason.position());
					insert.setString(5, reason.detail());
					insert.addBatch();
					any = true;
				}
			}
			if (any) {
				insert.executeBatch();
			}
		}
	}

	private static void insertDigits(Connection c, long[] fieldIds, List<FieldResult> fields) throws SQLException {
		try (PreparedStatement insert = c.prepareStatement("INSERT INTO digits (field_id, position, page_x, page_y, "
				+ "page_width, page_height, image, top_class, top_probability, ranked) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			boolean any = false;
			for (int i = 0; i < fields.size(); i++) {
				for (DigitResult digit : fields.get(i).digits()) {
					PixelBox box = digit.pageBox();
					insert.setLong(1, fieldIds[i]);
					insert.setInt(2, digit.position());
					insert.setInt(3, box.x());
					insert.setInt(4, box.y());
					insert.setInt(5, box.width());
					insert.setInt(6, box.height());
					insert.setBytes(7, digit.image().pixels());
					if (digit.prediction().isPresent()) {
						DigitPrediction prediction = digit.prediction().get();
						insert.setShort(8, (short) prediction.top().digit());
						insert.setDouble(9, prediction.confidence());
						insert.setString(10, Rankings.encode(prediction));
					} else {
						insert.setNull(8, Types.SMALLINT);
						insert.setNull(9, Types.DOUBLE);
						insert.setNull(10, Types.VARCHAR);
					}
					insert.addBatch();
					any = true;
				}
			}
			if (any) {
				insert.executeBatch();
			}
		}
	}
}

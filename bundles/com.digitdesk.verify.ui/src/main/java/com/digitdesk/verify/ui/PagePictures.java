package com.digitdesk.verify.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.ImageData;

import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.PageScan;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;

/**
 * Scanned pages read from the store and decoded, the coming ones ahead of
 * time on a thread of their own: decoding a page takes longer than a clerk
 * takes to confirm a field, so the next page must be ready before Enter.
 */
final class PagePictures {

	/**
	 * A page as the page view draws it: as stored, and reduced to the view's
	 * width ahead of time; no data when its scan was not kept or cannot be read.
	 */
	record Picture(int rasterWidth, ImageData data, ImageData fitted) {
	}

	/** Pages kept: the one shown and the next few. */
	private static final int KEPT = 4;

	private final FieldReview store;
	private final Map<String, Picture> pictures = new ConcurrentHashMap<>();
	private final Set<String> loading = ConcurrentHashMap.newKeySet();
	private final ExecutorService ahead = Executors.newSingleThreadExecutor(work -> {
		Thread thread = new Thread(work, "digitdesk-verify-pages");
		thread.setDaemon(true);
		return thread;
	});

	/** The width the view draws pages at, for the reduced copies made ahead. */
	private volatile int width = 800;

	PagePictures(FieldReview store) {
		this.store = store;
	}

	void width(int pixels) {
		width = Math.max(1, pixels);
	}

	static String key(StoredField field) {
		return field.place().documentId() + ":" + field.place().pageIndex();
	}

	/** The page of {@code field}, decoded now unless it is ready. */
	Picture of(StoredField field) throws StoreException {
		Picture ready = pictures.get(key(field));
		return ready != null ? ready : load(field);
	}

	/** Starts decoding the pages of the next fields, and forgets pages that are neither shown nor coming. */
	void ahead(StoredField shown, List<StoredField> next) {
		Set<String> wanted = new java.util.LinkedHashSet<>();
		wanted.add(key(shown));
		for (StoredField field : next) {
			if (wanted.size() >= KEPT) {
				break;
			}
			if (wanted.add(key(field)) && !pictures.containsKey(key(field)) && loading.add(key(field))) {
				ahead.execute(() -> {
					try {
						load(field);
					} catch (StoreException | RuntimeException e) {
						// drawn (and the problem shown) when the page comes up
					} finally {
						loading.remove(key(field));
					}
				});
			}
		}
		pictures.keySet().retainAll(wanted);
	}

	private Picture load(StoredField field) throws StoreException {
		Optional<PageScan> scan = store.pageScan(field.id());
		ImageData data = scan.map(PagePictures::decode).orElse(null);
		Picture picture = new Picture(scan.map(PageScan::rasterWidth).orElse(1), data,
				data == null ? null : Images.reduced(data, width));
		pictures.put(key(field), picture);
		return picture;
	}

	private static ImageData decode(PageScan scan) {
		try {
			return new ImageData(new ByteArrayInputStream(scan.png()));
		} catch (SWTException e) {
			return null;
		}
	}

	void close() {
		ahead.shutdownNow();
	}
}

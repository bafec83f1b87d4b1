package com.digitdesk.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.service.jdbc.DataSourceFactory;

import com.digitdesk.api.store.ClerkDecision;
import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.DocumentClaim;
import com.digitdesk.api.store.DocumentSource;
import com.digitdesk.api.store.FieldImage;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.store.PageScan;
import com.digitdesk.api.store.QuarantineEntry;
import com.digitdesk.api.store.QueuePlace;
import com.digitdesk.api.store.ResultStore;
import com.digitdesk.api.store.ModelVersion;
import com.digitdesk.api.store.NewModel;
import com.digitdesk.api.store.Sample;
import com.digitdesk.api.store.SampleCount;
import com.digitdesk.api.store.SampleState;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoreSummary;
import com.digitdesk.api.store.StoredDocument;
import com.digitdesk.api.store.StoredField;

/**
 * A {@link ResultStore} in one JDBC database (H2 or PostgreSQL): its
 * {@link StoreDatabase} with the importer's ({@link JdbcIngest}), the clerks'
 * ({@link JdbcReview}) and the exports' ({@link JdbcReadout}) parts over it.
 * Opening it migrates the schema.
 */
public final class JdbcResultStore implements ResultStore, AutoCloseable {

	private final StoreDatabase database;
	private final JdbcIngest ingest;
	private final JdbcReview review;
	private final JdbcReadout readout;
	private final JdbcSamples samples;
	private final JdbcModels models;

	private JdbcResultStore(StoreDatabase database) {
		this.database = database;
		this.ingest = new JdbcIngest(database);
		this.review = new JdbcReview(database);
		this.readout = new JdbcReadout(database);
		this.samples = new JdbcSamples(database);
		this.models = new JdbcModels(database);
	}

	/**
	 * Opens the store at {@code url} with a driver's factory and migrates its
	 * schema.
	 *
	 * @param poolSize most connections held at once
	 */
	public static JdbcResultStore open(String url, DataSourceFactory factory, int poolSize) throws StoreException {
		return open(url, null, factory, poolSize);
	}

	/**
	 * Opens the store at {@code url} with a driver's factory and migrates its
	 * schema. The password (the URL's own, else {@code password}) reaches the
	 * driver as a property of its own, never inside the URL, which drivers and
	 * pools log. An embedded database's files are its owner's only.
	 *
	 * @param password used when the URL has none; null or empty: none
	 * @param poolSize most connections held at once
	 */
	public static JdbcResultStore open(String url, String password, DataSourceFactory factory, int poolSize)
			throws StoreException {
		return new JdbcResultStore(StoreDatabase.open(url, password, factory, poolSize));
	}

	/** Closes every pooled connection; the store cannot be used afterwards. */
	@Override
	public void close() {
		database.close();
	}

	@Override
	public String toString() {
		return "ResultStore[" + database.shown() + "]";
	}

	// the importer's part

	@Override
	public Optional<StoredDocument> findDocument(String contentSha256) throws StoreException {
		return ingest.findDocument(contentSha256);
	}

	@Override
	public StoredDocument openDocument(DocumentSource source) throws StoreException {
		return ingest.openDocument(source);
	}

	@Override
	public Set<Integer> storedPages(long documentId) throws StoreException {
		return ingest.storedPages(documentId);
	}

	@Override
	public void storePage(long documentId, PageResult page) throws StoreException {
		ingest.storePage(documentId, page);
	}

	@Override
	public void storePage(long documentId, PageResult page, DocumentClaim claim) throws StoreException {
		ingest.storePage(documentId, page, claim);
	}

	@Override
	public void completeDocument(long documentId) throws StoreException {
		ingest.completeDocument(documentId);
	}

	@Override
	public void completeDocument(long documentId, DocumentClaim claim) throws StoreException {
		ingest.completeDocument(documentId, claim);
	}

	@Override
	public void discardDocument(long documentId, DocumentClaim claim) throws StoreException {
		ingest.discardDocument(documentId, claim);
	}

	@Override
	public void quarantine(QuarantineEntry entry) throws StoreException {
		ingest.quarantine(entry);
	}

	@Override
	public void quarantine(QuarantineEntry entry, DocumentClaim claim) throws StoreException {
		ingest.quarantine(entry, claim);
	}

	@Override
	public Optional<QuarantineEntry> quarantineEntry(String contentSha256) throws StoreException {
		return ingest.quarantineEntry(contentSha256);
	}

	@Override
	public Optional<DocumentClaim> claim(String contentSha256, String claimant, Duration lease)
			throws StoreException {
		return ingest.claim(contentSha256, claimant, lease);
	}

	@Override
	public int renewClaims(String claimant, Duration lease) throws StoreException {
		return ingest.renewClaims(claimant, lease);
	}

	@Override
	public void release(DocumentClaim claim) throws StoreException {
		ingest.release(claim);
	}

	// the clerks' part

	@Override
	public List<StoredField> reviewQueue(int limit) throws StoreException {
		return review.reviewQueue(limit);
	}

	@Override
	public Optional<StoredField> field(long fieldId) throws StoreException {
		return review.field(fieldId);
	}

	@Override
	public List<DigitResult> digits(long fieldId) throws StoreException {
		return review.digits(fieldId);
	}

	@Override
	public StoredField verify(long fieldId, String value, String user) throws StoreException {
		return review.verify(fieldId, value, user);
	}

	@Override
	public StoredField reject(long fieldId, String user, String reason) throws StoreException {
		return review.reject(fieldId, user, reason);
	}

	@Override
	public List<StoredField> reviewQueue(QueuePlace from, boolean forward, String clerk, int limit) throws StoreException {
		return review.reviewQueue(from, forward, clerk, limit);
	}

	@Override
	public int waitingCount() throws StoreException {
		return review.waitingCount();
	}

	@Override
	public List<StoredField> pageFields(long fieldId) throws StoreException {
		return review.pageFields(fieldId);
	}

	@Override
	public Optional<PageScan> pageScan(long fieldId) throws StoreException {
		return review.pageScan(fieldId);
	}

	@Override
	public Optional<FieldImage> fieldImage(long fieldId) throws StoreException {
		return review.fieldImage(fieldId);
	}

	@Override
	public boolean claimField(long fieldId, String clerk, Duration lease) throws StoreException {
		return review.claimField(fieldId, clerk, lease);
	}

	@Override
	public int renewFieldClaims(String clerk, Duration lease) throws StoreException {
		return review.renewFieldClaims(clerk, lease);
	}

	@Override
	public void releaseField(long fieldId, String clerk) throws StoreException {
		review.releaseField(fieldId, clerk);
	}

	@Override
	public List<StoredField> claimedFields(String clerk) throws StoreException {
		return review.claimedFields(clerk);
	}

	@Override
	public StoredField decide(long fieldId, ClerkDecision decision) throws StoreException {
		return review.decide(fieldId, decision);
	}

	@Override
	public StoredField undo(long fieldId, String clerk) throws StoreException {
		return review.undo(fieldId, clerk);
	}

	@Override
	public List<Correction> corrections(long fieldId) throws StoreException {
		return review.corrections(fieldId);
	}

	// what exports and summaries read

	@Override
	public void forEachField(Consumer<StoredField> action) throws StoreException {
		readout.forEachField(action);
	}

	@Override
	public StoreSummary summary() throws StoreException {
		return readout.summary();
	}

	@Override
	public List<QuarantineEntry> quarantined() throws StoreException {
		return readout.quarantined();
	}

	// the verified digits kept for training

	@Override
	public List<SampleCount> sampleCounts() throws StoreException {
		return samples.sampleCounts();
	}

	@Override
	public List<Sample> samples(SampleState state, int limit) throws StoreException {
		return samples.samples(state, limit);
	}

	@Override
	public Sample confirmSample(long sampleId, String clerk) throws StoreException {
		return samples.confirmSample(sampleId, clerk);
	}

	@Override
	public Sample acceptSample(long sampleId, String admin) throws StoreException {
		return samples.acceptSample(sampleId, admin);
	}

	// the recognizer's model versions

	@Override
	public List<ModelVersion> models() throws StoreException {
		return models.models();
	}

	@Override
	public Optional<ModelVersion> currentModel() throws StoreException {
		return models.currentModel();
	}

	@Override
	public ModelVersion addModel(NewModel model) throws StoreException {
		return models.addModel(model);
	}

	@Override
	public ModelVersion noteModel(String version, String note) throws StoreException {
		return models.noteModel(version, note);
	}

	@Override
	public byte[] modelGraph(String version) throws StoreException {
		return models.modelGraph(version);
	}

	@Override
	public ModelVersion promote(String version, String by) throws StoreException {
		return models.promote(version, by);
	}

	@Override
	public ModelVersion rollback(String by) throws StoreException {
		return models.rollback(by);
	}
}

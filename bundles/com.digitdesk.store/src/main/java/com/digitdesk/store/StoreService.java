package com.digitdesk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.osgi.service.jdbc.DataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.digitdesk.api.data.DataDirectory;
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
 * A configured store as a service: its database is opened (pool, schema
 * migration) when the component is activated, that is when its first
 * consumer gets it, and closed with the component. An opening that failed
 * (database down, wrong password) is reported by the next call, and tried
 * again by the one after.
 *
 * <p>A store whose embedded database lies in the data directory makes that
 * directory and everything in it private to its owner when it opens.
 */
abstract class StoreService implements ResultStore {

	/**
	 * Framework property naming the data directory of the embedded default
	 * store. Read here, not through the DataDirectory service: the
	 * configuration plugin that places the default store needs it as this
	 * bundle starts, before any service is bound.
	 */
	static final String DATA_PROPERTY = DataDirectory.PROPERTY;

	/** The name of the store's reference to its JDBC driver; its target is the property {@value #DRIVER_TARGET}. */
	static final String DRIVER = "driver";

	/** The configuration property selecting the driver: a filter on the DataSourceFactory services. */
	static final String DRIVER_TARGET = DRIVER + ".target";

	private static final Logger LOG = LoggerFactory.getLogger(StoreService.class);

	/** The URL without password. */
	private final String url;
	/** Null: none. */
	private final String password;
	private final DataSourceFactory driver;
	private final int poolSize;
	private final Path dataDirectory;

	private final Object lock = new Object();
	private JdbcResultStore open;
	/** Why the opening at activation failed, until a call reports it. */
	private StoreException failure;
	private boolean closed;

	/**
	 * @param configuration the store's settings; its URL and password as
	 *        {@link #credentials} takes them apart
	 * @param data the framework property {@value #DATA_PROPERTY}, or null
	 */
	StoreService(StoreConfiguration configuration, String url, String data, DataSourceFactory driver, String pid) {
		JdbcUrls.Credentials credentials = credentials(url, configuration._password());
		this.url = credentials.url();
		this.password = credentials.password();
		this.driver = driver;
		this.dataDirectory = JdbcUrls.dataDirectory(data);
		int size = configuration.poolSize();
		if (size < 1) {
			LOG.warn("Pool size {} of configuration {} is less than 1; using 1", size, pid);
			size = 1;
		}
		this.poolSize = size;
	}

	/** The URL without its password, and the password: the configured one, else the URL's own. */
	static JdbcUrls.Credentials credentials(String url, String configuredPassword) {
		JdbcUrls.Credentials inUrl = JdbcUrls.withoutPassword(url);
		return new JdbcUrls.Credentials(inUrl.url(), configuredPassword != null && !configuredPassword.isEmpty()
				? configuredPassword : inUrl.password());
	}

	/** The store's URL without its password. */
	String url() {
		return url;
	}

	/**
	 * Opens the database for the first consumer. A failure is kept for the
	 * next call, which throws it instead of trying again at once (a database
	 * that cannot be reached may take its connect timeout to say so).
	 */
	void activated() {
		try {
			store();
		} catch (StoreException e) {
			synchronized (lock) {
				failure = e;
			}
		}
	}

	/** The open store; opens it if it is not yet. */
	JdbcResultStore store() throws StoreException {
		synchronized (lock) {
			if (closed) {
				throw new StoreException("the results store at " + JdbcUrls.redact(url) + " is closed (its "
						+ "configuration or its JDBC driver has gone)");
			}
			if (open == null) {
				if (failure != null) {
					StoreException failed = failure;
					failure = null;
					throw failed;
				}
				if (url.isEmpty()) {
					throw new StoreException("a results store needs a URL; its configuration has none");
				}
				if (JdbcUrls.h2Database(url).filter(database -> database.getParent().equals(dataDirectory))
						.isPresent()) {
					privateDataDirectory();
				}
				open = JdbcResultStore.open(url, password, driver, poolSize);
			}
			return open;
		}
	}

	/** Whether the component has gone: consumers get a new one. */
	boolean isClosed() {
		synchronized (lock) {
			return closed;
		}
	}

	/** Closes the database; the store cannot be used afterwards. */
	void close() {
		JdbcResultStore closing;
		synchronized (lock) {
			closed = true;
			closing = open;
			open = null;
		}
		if (closing != null) {
			closing.close();
		}
	}

	/**
	 * The data directory and everything in it (the embedded store, the
	 * sample archive) made readable by their owner only: an install from
	 * before left them readable by all.
	 */
	private void privateDataDirectory() {
		try {
			PrivateFiles.narrowTree(dataDirectory);
		} catch (IOException e) {
			LOG.warn("Could not make everything in the data directory {} readable by its owner only: {}",
					dataDirectory, e.toString());
		}
	}

	@Override
	public String toString() {
		return "ResultStore[" + JdbcUrls.redact(url) + "]";
	}

	@Override
	public Optional<StoredDocument> findDocument(String contentSha256) throws StoreException {
		return store().findDocument(contentSha256);
	}

	@Override
	public StoredDocument openDocument(DocumentSource source) throws StoreException {
		return store().openDocument(source);
	}

	@Override
	public Set<Integer> storedPages(long documentId) throws StoreException {
		return store().storedPages(documentId);
	}

	@Override
	public void storePage(long documentId, PageResult page) throws StoreException {
		store().storePage(documentId, page);
	}

	@Override
	public void storePage(long documentId, PageResult page, DocumentClaim claim) throws StoreException {
		store().storePage(documentId, page, claim);
	}

	@Override
	public void completeDocument(long documentId) throws StoreException {
		store().completeDocument(documentId);
	}

	@Override
	public void completeDocument(long documentId, DocumentClaim claim) throws StoreException {
		store().completeDocument(documentId, claim);
	}

	@Override
	public void discardDocument(long documentId, DocumentClaim claim) throws StoreException {
		store().discardDocument(documentId, claim);
	}

	@Override
	public void quarantine(QuarantineEntry entry) throws StoreException {
		store().quarantine(entry);
	}

	@Override
	public void quarantine(QuarantineEntry entry, DocumentClaim claim) throws StoreException {
		store().quarantine(entry, claim);
	}

	@Override
	public Optional<QuarantineEntry> quarantineEntry(String contentSha256) throws StoreException {
		return store().quarantineEntry(contentSha256);
	}

	@Override
	public Optional<DocumentClaim> claim(String contentSha256, String claimant, Duration lease)
			throws StoreException {
		return store().claim(contentSha256, claimant, lease);
	}

	@Override
	public int renewClaims(String claimant, Duration lease) throws StoreException {
		return store().renewClaims(claimant, lease);
	}

	@Override
	public void release(DocumentClaim claim) throws StoreException {
		store().release(claim);
	}

	@Override
	public List<StoredField> reviewQueue(int limit) throws StoreException {
		return store().reviewQueue(limit);
	}

	@Override
	public Optional<StoredField> field(long fieldId) throws StoreException {
		return store().field(fieldId);
	}

	@Override
	public List<DigitResult> digits(long fieldId) throws StoreException {
		return store().digits(fieldId);
	}

	@Override
	public StoredField verify(long fieldId, String value, String user) throws StoreException {
		return store().verify(fieldId, value, user);
	}

	@Override
	public StoredField reject(long fieldId, String user, String reason) throws StoreException {
		return store().reject(fieldId, user, reason);
	}

	@Override
	public List<StoredField> reviewQueue(QueuePlace from, boolean forward, String clerk, int limit) throws StoreException {
		return store().reviewQueue(from, forward, clerk, limit);
	}

	@Override
	public int waitingCount() throws StoreException {
		return store().waitingCount();
	}

	@Override
	public List<StoredField> pageFields(long fieldId) throws StoreException {
		return store().pageFields(fieldId);
	}

	@Override
	public Optional<PageScan> pageScan(long fieldId) throws StoreException {
		return store().pageScan(fieldId);
	}

	@Override
	public Optional<FieldImage> fieldImage(long fieldId) throws StoreException {
		return store().fieldImage(fieldId);
	}

	@Override
	public boolean claimField(long fieldId, String clerk, Duration lease) throws StoreException {
		return store().claimField(fieldId, clerk, lease);
	}

	@Override
	public int renewFieldClaims(String clerk, Duration lease) throws StoreException {
		return store().renewFieldClaims(clerk, lease);
	}

	@Override
	public void releaseField(long fieldId, String clerk) throws StoreException {
		store().releaseField(fieldId, clerk);
	}

	@Override
	public List<StoredField> claimedFields(String clerk) throws StoreException {
		return store().claimedFields(clerk);
	}

	@Override
	public StoredField decide(long fieldId, ClerkDecision decision) throws StoreException {
		return store().decide(fieldId, decision);
	}

	@Override
	public StoredField undo(long fieldId, String clerk) throws StoreException {
		return store().undo(fieldId, clerk);
	}

	@Override
	public List<Correction> corrections(long fieldId) throws StoreException {
		return store().corrections(fieldId);
	}

	@Override
	public void forEachField(Consumer<StoredField> action) throws StoreException {
		store().forEachField(action);
	}

	@Override
	public StoreSummary summary() throws StoreException {
		return store().summary();
	}

	@Override
	public List<QuarantineEntry> quarantined() throws StoreException {
		return store().quarantined();
	}

	@Override
	public List<SampleCount> sampleCounts() throws StoreException {
		return store().sampleCounts();
	}

	@Override
	public List<Sample> samples(SampleState state, int limit) throws StoreException {
		return store().samples(state, limit);
	}

	@Override
	public Sample confirmSample(long sampleId, String clerk) throws StoreException {
		return store().confirmSample(sampleId, clerk);
	}

	@Override
	public Sample acceptSample(long sampleId, String admin) throws StoreException {
		return store().acceptSample(sampleId, admin);
	}

	// the recognizer's model versions

	@Override
	public List<ModelVersion> models() throws StoreException {
		return store().models();
	}

	@Override
	public Optional<ModelVersion> currentModel() throws StoreException {
		return store().currentModel();
	}

	@Override
	public ModelVersion addModel(NewModel model) throws StoreException {
		return store().addModel(model);
	}

	@Override
	public ModelVersion noteModel(String version, String note) throws StoreException {
		return store().noteModel(version, note);
	}

	@Override
	public byte[] modelGraph(String version) throws StoreException {
		return store().modelGraph(version);
	}

	@Override
	public ModelVersion promote(String version, String by) throws StoreException {
		return store().promote(version, by);
	}

	@Override
	public ModelVersion rollback(String by) throws StoreException {
		return store().rollback(by);
	}
}

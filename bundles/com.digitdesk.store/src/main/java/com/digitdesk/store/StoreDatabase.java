package com.digitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.osgi.service.jdbc.DataSourceFactory;

import com.digitdesk.api.store.StoreException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One store's database: its connection pool, its schema migrated by Flyway
 * when it opens, and the transactions every part of the store runs in.
 */
final class StoreDatabase implements AutoCloseable {

	/** Where the schema's migrations are, inside this bundle. */
	static final String MIGRATIONS = "classpath:com/digitdesk/store/migration";

	static final String UNIQUE_VIOLATION = "23505";

	private static final AtomicInteger POOLS = new AtomicInteger();

	/** The URL without password, as messages show it. */
	private final String shown;
	private final HikariDataSource pool;

	private StoreDatabase(String shown, HikariDataSource pool) {
		this.shown = shown;
		this.pool = pool;
	}

	/**
	 * Opens the database at {@code url} with a driver's factory and migrates
	 * its schema. The password (the URL's own, else {@code password}) reaches
	 * the driver as a property of its own, never inside the URL, which
	 * drivers and pools log. An embedded database's files are its owner's
	 * only.
	 *
	 * @param password used when the URL has none; null or empty: none
	 * @param poolSize most connections held at once
	 */
	static StoreDatabase open(String url, String password, DataSourceFactory factory, int poolSize)
			throws StoreException {
		String shown = JdbcUrls.redact(url);
		EmbeddedFiles.prepare(url);
		DataSource dataSource;
		try {
			dataSource = factory.createDataSource(JdbcUrls.driverProperties(url, password));
		} catch (SQLException e) {
			throw new StoreException("opening the store at " + shown + ": " + e.getMessage(), e);
		}
		HikariConfig config = new HikariConfig();
		config.setDataSource(dataSource);
		config.setPoolName("digitdesk-store-" + POOLS.incrementAndGet());
		config.setMaximumPoolSize(Math.max(1, poolSize));
		// One connection always open: an embedded H2 database is closed, and
		// costly to open again, when its last connection goes.
		config.setMinimumIdle(1);
		if (JdbcUrls.isH2(url)) {
			// nothing between us and an embedded database retires connections
			config.setMaxLifetime(0);
		}
		HikariDataSource pool;
		try {
			pool = new HikariDataSource(config);
		} catch (RuntimeException e) {
			throw new StoreException("opening the store at " + shown + ": " + rootMessage(e), e);
		}
		try {
			migrate(pool);
		} catch (FlywayException e) {
			pool.close();
			throw new StoreException("migrating the schema of the store at " + shown + ": " + rootMessage(e), e);
		} catch (RuntimeException | Error e) {
			pool.close();
			throw e;
		}
		return new StoreDatabase(shown, pool);
	}

	private static void migrate(DataSource dataSource) {
		// Flyway finds its database plug-ins and our migrations through this
		// bundle's class loader, which holds both its jars and the SQL files.
		Flyway.configure(StoreDatabase.class.getClassLoader())
				.dataSource(dataSource)
				.locations(MIGRATIONS)
				.failOnMissingLocations(true)
				.load()
				.migrate();
	}

	/** The URL without password. */
	String shown() {
		return shown;
	}

	/** Closes every pooled connection; the database cannot be used afterwards. */
	@Override
	public void close() {
		pool.close();
	}

	/** Makes one value of the current row of a result. */
	@FunctionalInterface
	interface Row<T> {
		T of(ResultSet rows) throws SQLException;
	}

	/** Work on one connection. */
	@FunctionalInterface
	interface Work<T> {
		T run(Connection connection) throws SQLException, StoreException;
	}

	/** The rows of one query, with its parameters bound in order, as values. */
	<T> List<T> list(String what, String sql, Row<T> row, Object... parameters) throws StoreException {
		return read(what, c -> {
			List<T> values = new ArrayList<>();
			try (PreparedStatement select = c.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					select.setObject(i + 1, parameters[i]);
				}
				try (ResultSet rows = select.executeQuery()) {
					while (rows.next()) {
						values.add(row.of(rows));
					}
				}
			}
			return values;
		});
	}

	/** Runs {@code work} on a connection in auto-commit mode. */
	<T> T read(String what, Work<T> work) throws StoreException {
		try (Connection c = pool.getConnection()) {
			return work.run(c);
		} catch (SQLException e) {
			throw failure(what, e);
		} catch (RuntimeException e) {
			throw new StoreException(what + ": " + rootMessage(e), e);
		}
	}

	/** Runs {@code work} in one transaction: all of it is committed, or none of it. */
	<T> T write(String what, Work<T> work) throws StoreException {
		// the pool turns auto-commit back on when the connection returns
		try (Connection c = pool.getConnection()) {
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				c.commit();
				return result;
			} catch (SQLException | StoreException | RuntimeException e) {
				try {
					c.rollback();
				} catch (SQLException rollback) {
					e.addSuppressed(rollback);
				}
				throw e;
			}
		} catch (SQLException e) {
			throw failure(what, e);
		} catch (RuntimeException e) {
			throw new StoreException(what + ": " + rootMessage(e), e);
		}
	}

	private static StoreException failure(String what, SQLException e) {
		return new StoreException(what + ": " + e.getMessage(), e);
	}

	static String rootMessage(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return message == null ? cause.toString() : message;
	}

	static long generatedKey(PreparedStatement insert) throws SQLException {
		try (ResultSet keys = insert.getGeneratedKeys()) {
			if (!keys.next()) {
				throw new SQLException("the database returned no generated key");
			}
			return keys.getLong(1);
		}
	}

	/** Now, to the precision both databases keep, so what is returned equals what is read back. */
	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	static OffsetDateTime timestamp(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rows, int column) throws SQLException {
		return rows.getObject(column, OffsetDateTime.class).toInstant();
	}
}

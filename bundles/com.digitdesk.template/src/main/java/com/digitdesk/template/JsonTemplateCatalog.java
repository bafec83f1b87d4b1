package com.digitdesk.template;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateCatalog;

/**
 * The shipped templates plus those in the admin's template directory. The
 * directory is looked at again whenever its files change, so a template
 * dropped in is used by the next page without a restart.
 */
@Component(configurationPid = TemplateConfiguration.PID)
@Designate(ocd = TemplateConfiguration.class)
public class JsonTemplateCatalog implements TemplateCatalog {

	/** The templates inside this bundle. */
	static final List<String> SHIPPED = List.of("f1040-2024-p1.json", "w2-2024.json", "f1040-p1.json", "w2.json");

	private final Path directory;
	private final Map<String, FormTemplate> shipped = new TreeMap<>();
	private Snapshot snapshot;

	private record Snapshot(List<Object> stamp, Map<String, FormTemplate> templates, List<String> problems) {
	}

	@Activate
	public JsonTemplateCatalog(TemplateConfiguration configuration) {
		this(Path.of(configuration.directory()));
	}

	/** A catalog reading {@code directory} (which need not exist) besides the shipped templates. */
	public JsonTemplateCatalog(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
		for (String name : SHIPPED) {
			try (InputStream in = JsonTemplateCatalog.class.getResourceAsStream("/templates/" + name)) {
				FormTemplate template = TemplateParser.parse("shipped template " + name, in);
				shipped.put(template.id(), template);
			} catch (IOException | TemplateFormatException e) {
				throw new IllegalStateException("the bundle's own template " + name + " is broken", e);
			}
		}
	}

	@Override
	public List<FormTemplate> templates() {
		return List.copyOf(current().templates().values());
	}

	@Override
	public Optional<FormTemplate> template(String id) {
		return Optional.ofNullable(current().templates().get(id));
	}

	@Override
	public List<String> loadProblems() {
		return current().problems();
	}

	/** The directory admins add templates to. */
	public Path directory() {
		return directory;
	}

	private synchronized Snapshot current() {
		List<Path> files = templateFiles();
		List<Object> stamp = new ArrayList<>();
		for (Path file : files) {
			stamp.add(file);
			stamp.add(lastModified(file));
		}
		if (snapshot == null || !snapshot.stamp().equals(stamp)) {
			snapshot = load(files, stamp);
		}
		return snapshot;
	}

	private Snapshot load(List<Path> files, List<Object> stamp) {
		Map<String, FormTemplate> templates = new TreeMap<>(shipped);
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			try (InputStream in = Files.newInputStream(file)) {
				FormTemplate template = TemplateParser.parse(file.toString(), in);
				templates.put(template.id(), template);
			} catch (IOException e) {
				problems.add(file + ": cannot be read: " + e.getMessage());
			} catch (TemplateFormatException e) {
				problems.add(e.getMessage());
			}
		}
		return new Snapshot(stamp, Collections.unmodifiableMap(templates), List.copyOf(problems));
	}

	private List<Path> templateFiles() {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
					.sorted().toList();
		} catch (IOException e) {
			return List.of();
		}
	}

	private static FileTime lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		} catch (IOException e) {
			return FileTime.fromMillis(0);
		}
	}
}

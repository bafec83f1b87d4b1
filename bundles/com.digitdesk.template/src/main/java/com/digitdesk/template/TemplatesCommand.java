package com.digitdesk.template;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;
import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.api.template.TemplateCatalog;

/** {@code digitdesk templates}: the templates this workstation knows, and files it could not load. */
@Component(service = Subcommand.class, property = "digitdesk.command=templates")
public class TemplatesCommand implements Subcommand {

	private final TemplateCatalog catalog;

	@Activate
	public TemplatesCommand(@Reference TemplateCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public String summary() {
		return "list the form templates, and template files that could not be loaded";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk templates

				Lists the known form templates (shipped ones and those in the
				template directory, see docs/templates.md) and, for files that
				could not be loaded, what is wrong with them. Exit status 1 if any
				file could not be loaded.""";
	}

	@Override
	public int run(CommandContext context) {
		for (FormTemplate template : catalog.templates()) {
			context.out().printf("%-12s %-48s %2d fields, %d rules%n", template.id(), template.title(),
					template.fields().size(), template.rules().size());
		}
		for (String problem : catalog.loadProblems()) {
			context.err().println("not loaded: " + problem);
		}
		return catalog.loadProblems().isEmpty() ? 0 : 1;
	}
}

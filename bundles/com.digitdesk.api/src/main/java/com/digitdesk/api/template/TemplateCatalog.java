package com.digitdesk.api.template;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The form templates this workstation knows: the ones shipped with DigitDesk
 * plus those an admin adds to the template directory (no rebuild needed).
 */
@ProviderType
public interface TemplateCatalog {

	/** All loaded templates, sorted by id. */
	List<FormTemplate> templates();

	Optional<FormTemplate> template(String id);

	/**
	 * Problems met while loading, one line each naming the file and what is
	 * wrong; a broken file never hides the good ones.
	 */
	List<String> loadProblems();
}

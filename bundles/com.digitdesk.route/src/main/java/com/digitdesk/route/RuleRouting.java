package com.digitdesk.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

import com.digitdesk.api.reading.ReadPage;
import com.digitdesk.api.routing.FieldRouting;
import com.digitdesk.api.routing.PageGrouping;
import com.digitdesk.api.routing.RoutingPolicy;
import com.digitdesk.api.store.PageResult;
import com.digitdesk.api.template.FormTemplate;

/**
 * Routes pages by the digits' confidence and the templates' rules
 * ({@link FieldRouter}), with what the rules between the pages of a return
 * say ({@link DocumentChecks}), at the policy of configuration
 * {@value RoutingConfiguration#PID}.
 */
@Component(configurationPid = RoutingConfiguration.PID, service = FieldRouting.class)
@Designate(ocd = RoutingConfiguration.class)
public class RuleRouting implements FieldRouting {

	private volatile RoutingPolicy policy;

	@Activate
	public RuleRouting(RoutingConfiguration configuration) {
		modified(configuration);
	}

	@Modified
	void modified(RoutingConfiguration configuration) {
		policy = new RoutingPolicy(configuration.digitThreshold(), configuration.maxResidualPoints(),
				configuration.maxProposalDigits(), configuration.ruleCheckedDigitThreshold());
	}

	@Override
	public RoutingPolicy policy() {
		return policy;
	}

	@Override
	public List<PageResult> route(List<ReadPage> group, RoutingPolicy policy) {
		FieldRouter router = new FieldRouter(policy);
		Map<Integer, DocumentChecks.Findings> findings = DocumentChecks.of(group, router);
		List<PageResult> results = new ArrayList<>(group.size());
		for (ReadPage page : group) {
			results.add(result(page, router, findings.getOrDefault(page.pageIndex(), DocumentChecks.Findings.NONE)));
		}
		return results;
	}

	/** The page ready to store, its fields routed with what the other pages of its document say of them. */
	static PageResult result(ReadPage page, FieldRouter router, DocumentChecks.Findings document) {
		String templateId = page.template().map(FormTemplate::id).orElse("");
		if (page.problem().isPresent()) {
			return PageResult.unreadable(page.pageIndex(), templateId, page.problem().get());
		}
		return new PageResult(page.pageIndex(), templateId, page.residualPoints(),
				router.route(page.template().orElseThrow(), page.residualPoints(), page.fields(), document));
	}

	@Override
	public PageGrouping grouping() {
		return new PageGroups();
	}
}

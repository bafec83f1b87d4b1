package com.digitdesk.draft;

import com.digitdesk.api.template.Anchor;
import com.digitdesk.api.template.TemplateBox;

/** A proposed anchor: a name, its kind and where it is printed (template points). */
record DraftAnchor(String name, Anchor.Kind kind, TemplateBox box) {
}

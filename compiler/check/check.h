/*
 * check.h — the checker: every rule of the domain, and the one pass that
 * resolves.
 *
 * The checker sees the same streaming events as the back ends (parse.h),
 * reports through jx_diag, and keeps across projects and files only what
 * cross-project rules need (codes seen, the plan header).  Each rule has a
 * stable diagnostic code in diag_codes.def and an entry in
 * docs/diagnostics.md.
 *
 * What it works out on the way — each category's framework entries and
 * roles, each number as an exact decimal with its unit, each amount in the
 * plan's currency, each month and date — it stores on the nodes it is
 * handed (the "checker:" fields of ast.h).  Each jx_check_* returns true
 * when the node has no errors, in which case lower.c may copy it into the
 * model.
 */
#ifndef JX_CHECK_H
#define JX_CHECK_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"
#include "forms.h"
#include "framework.h"
#include "units.h"

typedef struct jx_checker jx_checker;

jx_checker *jx_checker_new(jx_diag *d);
void jx_checker_free(jx_checker *c);
/* The framework and form of a file whose header names none (NULL: keep
 * local, generic): a project's jxc.ini may choose them.  Call it before
 * the first file. */
void jx_checker_set_defaults(jx_checker *c, const jx_framework *fw,
                             const jx_form_spec *form);

/* Called before each file: the framework goes back to the default until
 * the file's header says otherwise. */
void jx_check_begin_file(jx_checker *c, uint32_t file);
/* `first` is false when anything but comments came before it in the file. */
bool jx_check_header(jx_checker *c, jx_node *header, bool first);
bool jx_check_framework(jx_checker *c, const jx_node *framework);
bool jx_check_department(jx_checker *c, jx_node *department);
bool jx_check_unit_open(jx_checker *c, const jx_node *unit);
bool jx_check_unit_close(jx_checker *c, jx_node *unit);
bool jx_check_project(jx_checker *c, jx_node *project, const jx_node *unit);
/* After the last file: rules that need all input (none may stream). */
bool jx_check_end(jx_checker *c);

/* The plan as the headers declared it, for lowering and the back ends. */
int jx_checker_year(const jx_checker *c);
const jx_framework *jx_checker_framework(const jx_checker *c);
const jx_unit_info *jx_checker_currency(const jx_checker *c);
/* The form the plan follows (forms.h): "generic" unless the header names
 * one. */
const jx_form_spec *jx_checker_form(const jx_checker *c);

#endif

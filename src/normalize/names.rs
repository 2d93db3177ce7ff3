//! People's names and headlines, as the model wants them whatever the
//! provider sent: a full name split into first/last when only it is given,
//! first and last joined when only they are.

/// `(name, first_name, last_name)` from what the provider gave.
pub fn person_names(
    full: Option<&str>,
    first: Option<&str>,
    last: Option<&str>,
) -> (Option<String>, Option<String>, Option<String>) {
    let full = non_blank(full);
    let first = non_blank(first);
    let last = non_blank(last);
    if first.is_none() && last.is_none() {
        let Some(full) = full else {
            return (None, None, None);
        };
        // First token / rest: "Jean-Luc Picard de la Barre" → "Jean-Luc", "Picard de la Barre".
        let mut words = full.split_whitespace();
        let first = words.next().map(str::to_string);
        let rest: Vec<&str> = words.collect();
        let last = (!rest.is_empty()).then(|| crate::text::join(&rest, " "));
        return (Some(full.to_string()), first, last);
    }
    let name = match full {
        Some(full) => full.to_string(),
        None => crate::text::join(
            &[first, last].into_iter().flatten().collect::<Vec<_>>(),
            " ",
        ),
    };
    (
        Some(name),
        first.map(str::to_string),
        last.map(str::to_string),
    )
}

/// The first field that says something, e.g. `headline | subtitle | job_title`.
pub fn first_present<'t>(candidates: &[Option<&'t str>]) -> Option<&'t str> {
    candidates
        .iter()
        .find_map(|candidate| non_blank(*candidate))
}

/// Trimmed text, or `None` when there is nothing but whitespace.
pub fn non_blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

//! The progress line of a long background task: "n of m …", a bar and, where the task can be
//! stopped, a Stop button.

use crate::ui::i18n::t;
use crate::ui::{bridge, format, state::AppState};
use leptos::prelude::*;

/// A Stop button for a background task: the bridge slot it cancels and its `data-testid`.
#[derive(Clone, Copy)]
pub struct Stop {
    pub slot: usize,
    pub testid: &'static str,
}

/// Shown while `progress` holds `Some((done, total))`. `label` gets `done` and `total` already
/// formatted as whole numbers and returns the sentence in the current language.
#[component]
pub fn TaskProgress(
    progress: RwSignal<Option<(usize, usize)>>,
    label: fn(String, String) -> String,
    testid: &'static str,
    #[prop(optional)] stop: Option<Stop>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        progress.get().map(|(done, total)| {
            let pct = if total > 0 {
                done as f64 / total as f64 * 100.0
            } else {
                0.0
            };
            let text = label(format::int(done as u64), format::int(total as u64));
            view! {
                <div class="task-progress" data-testid=testid role="status">
                    <span>{text}</span>
                    <progress max="100" value=pct></progress>
                    {stop.map(|s| view! {
                        <button class="btn small" data-testid=s.testid on:click=move |_| bridge::cancel_task(state, s.slot)>{t("Stop", "停止")}</button>
                    })}
                </div>
            }
        })
    }
}

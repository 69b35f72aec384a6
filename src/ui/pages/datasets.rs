//! The stored session on screen: the named-dataset list (Data page), the dataset name on
//! import (landing), "Forget this data", the storage message banner, and the Overview's
//! comparison of the open dataset with another. Storage itself is `ui::persist`.

use crate::analytics::overview::compare::{compare, KpiKey};
use crate::analytics::overview::Kpis;
use crate::session::DatasetRecord;
use crate::ui::format;
use crate::ui::i18n::t;
use crate::ui::persist;
use crate::ui::state::AppState;
use leptos::prelude::*;

fn kpi_label(k: KpiKey) -> &'static str {
    match k {
        KpiKey::Revenue => t("Revenue", "收入"),
        KpiKey::Orders => t("Orders", "订单"),
        KpiKey::Customers => t("Customers", "客户"),
        KpiKey::AverageOrderValue => t("Average order value", "平均订单金额"),
        KpiKey::RepeatPurchaseRate => t("Repeat-purchase rate", "复购率"),
        KpiKey::ReturnsRate => t("Returns rate", "退货率"),
        KpiKey::Units => t("Units sold", "售出件数"),
        KpiKey::NewCustomers => t("New customers", "新客户"),
        KpiKey::ReturningCustomerRate => t("Returning customers", "回头客占比"),
    }
}

pub(super) fn kpi_shown(k: KpiKey, v: f64) -> String {
    if k.is_count() {
        format::num(v, 0)
    } else if k.is_rate() {
        format::pct(v)
    } else {
        format::num(v, 2)
    }
}

pub(super) fn signed(v: f64, decimals: usize) -> String {
    let s = format::num(v.abs(), decimals);
    if v > 0.0 {
        format!("+{s}")
    } else if v < 0.0 {
        format!("−{s}")
    } else {
        s
    }
}

/// The change column: absolute (percentage points for rates) and relative.
pub(super) fn delta_shown(k: KpiKey, delta: f64, relative: Option<f64>) -> String {
    if k.is_rate() {
        return crate::tr!("{} pp", "{} 个百分点", signed(delta * 100.0, 1));
    }
    let abs = signed(delta, if k.is_count() { 0 } else { 2 });
    match relative {
        Some(r) => format!("{abs} ({}%)", signed(r * 100.0, 1)),
        None => abs,
    }
}

fn round3(v: f64) -> String {
    format!("{}", (v * 1000.0).round() / 1000.0)
}

/// Storage messages (a discarded old session, a failed save, "everything deleted").
#[component]
pub fn NoticeBanner() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.notice.get().map(|n| {
            view! {
                <div class="notice" data-testid="notice" role="status">
                    <span>{n}</span>
                    <button class="btn small" aria-label=t("Dismiss", "关闭") on:click=move |_| state.notice.set(None)>"×"</button>
                </div>
            }
        })
    }
}

/// Shown instead of "No data yet" while a stored dataset is read back.
#[component]
pub fn Restoring() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="card empty" data-testid="restoring-card">
            <h2>{move || crate::tr!("Restoring your data ({})…", "正在恢复您的数据（{}）…", state.restoring.get().unwrap_or_default())}</h2>
            <p class="muted">{t("Your files are read again from this browser's storage: nothing is uploaded.", "正在从此浏览器的存储中重新读取您的文件：不会上传任何内容。")}</p>
        </section>
    }
}

/// The line of the import progress bar saying that a stored dataset is being restored.
#[component]
pub fn RestoringLine() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.restoring.get().map(|name| {
            view! {
                <strong data-testid="restoring">{crate::tr!("Restoring your data ({})…", "正在恢复您的数据（{}）…", name)}</strong>
            }
        })
    }
}

/// The name of the next imported dataset (landing page).
#[component]
pub fn DatasetNameInput() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <p class="dataset-name">
            <label>
                {t("Dataset name ", "数据集名称 ")}
                <input type="text" data-testid="dataset-name" maxlength="80"
                    placeholder=t("from the file name", "默认取文件名")
                    prop:value=move || state.import_name.get()
                    on:input=move |ev| state.import_name.set(event_target_value(&ev))/>
            </label>
        </p>
    }
}

/// "Forget this data", with a confirmation step.
#[component]
pub fn ForgetButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let armed = RwSignal::new(false);
    move || {
        if armed.get() {
            view! {
                <span class="forget-confirm" role="alert">
                    {t("Delete every dataset, setting and mapping stored in this browser? ", "删除此浏览器中存储的所有数据集、设置和映射？")}
                    <button class="btn small danger" data-testid="forget-confirm"
                        on:click=move |_| { armed.set(false); persist::forget(state); }>
                        {t("Yes, forget everything", "是的，全部删除")}
                    </button>
                    " "
                    <button class="btn small" data-testid="forget-cancel" on:click=move |_| armed.set(false)>
                        {t("Keep", "保留")}
                    </button>
                </span>
            }
            .into_any()
        } else {
            view! {
                <button class="btn small danger" data-testid="forget"
                    title=t("Delete all data ShopLens stored in this browser", "删除 ShopLens 在此浏览器中存储的所有数据")
                    on:click=move |_| armed.set(true)>
                    {t("Forget this data…", "忘记这些数据…")}
                </button>
            }
            .into_any()
        }
    }
}

/// The stored datasets: open (switch), rename, delete.
#[component]
pub fn DatasetList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let has_any = move || state.datasets.with(|d| !d.is_empty());
    view! {
        <Show when=has_any>
            <section class="card" data-testid="datasets">
                <div class="card-head">
                    <h2>{t("Saved datasets", "已保存的数据集")}</h2>
                    <ForgetButton/>
                </div>
                <p class="muted small">
                    {t("Stored in this browser only (IndexedDB): your files, mappings and page settings come back after a reload. Open a dataset to switch to it; the Overview compares the open one with another.",
                       "仅存储在此浏览器中（IndexedDB）：重新加载后，您的文件、映射和页面设置都会恢复。打开一个数据集即可切换；概览页会将当前数据集与另一个进行比较。")}
                </p>
                <table class="data-table datasets">
                    <thead><tr>
                        <th>{t("Name", "名称")}</th>
                        <th>{t("Files", "文件")}</th>
                        <th class="num">{t("Sale lines", "销售行")}</th>
                        <th>{t("Dates", "日期")}</th>
                        <th>{t("Actions", "操作")}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || state.datasets.get() key=|r| (r.id.clone(), r.name.clone(), r.kept_rows)
                            children=move |rec: DatasetRecord| view! { <DatasetRow rec=rec/> }/>
                    </tbody>
                </table>
            </section>
        </Show>
    }
}

#[component]
fn DatasetRow(rec: DatasetRecord) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = StoredValue::new(rec.id.clone());
    let is_open = move || {
        state
            .current_dataset
            .with(|c| c.as_deref() == Some(id.get_value().as_str()))
    };
    let renaming = RwSignal::new(false);
    let new_name = RwSignal::new(rec.name.clone());
    let confirm_delete = RwSignal::new(false);
    let files = rec
        .files
        .iter()
        .map(|f| format!("{} ({})", f.name, format::bytes(f.bytes)))
        .collect::<Vec<_>>()
        .join(", ");
    let dates = match (&rec.date_min, &rec.date_max) {
        (Some(a), Some(b)) => format::date_range(day(a), day(b)),
        _ => String::new(),
    };
    let name = rec.name.clone();
    let save_name = move || {
        persist::rename_dataset(state, id.get_value(), &new_name.get_untracked());
        renaming.set(false);
    };
    view! {
        <tr data-testid="dataset-row" data-id=rec.id.clone() data-name=rec.name.clone() class:current=is_open>
            <td>
                {move || if renaming.get() {
                    view! {
                        <span class="rename">
                            <input type="text" data-testid="rename-input" maxlength="80" aria-label=t("New name", "新名称")
                                prop:value=move || new_name.get()
                                on:input=move |ev| new_name.set(event_target_value(&ev))
                                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { save_name() }/>
                            <button class="btn small primary" data-testid="rename-save" on:click=move |_| save_name()>{t("Save", "保存")}</button>
                        </span>
                    }.into_any()
                } else {
                    let name = name.clone();
                    view! {
                        <strong>{name}</strong>
                        {move || is_open().then(|| view! { " " <span class="badge" data-testid="dataset-open-badge">{t("open", "当前")}</span> })}
                    }.into_any()
                }}
            </td>
            <td class="small">{files}</td>
            <td class="num">{format::int(rec.kept_rows)}</td>
            <td class="small">{dates}</td>
            <td class="actions">
                <button class="btn small primary" data-testid="dataset-open" disabled=is_open
                    on:click=move |_| persist::open_dataset(state, id.get_value())>{t("Open", "打开")}</button>
                " "
                <button class="btn small" data-testid="dataset-rename" on:click=move |_| renaming.update(|r| *r = !*r)>{t("Rename", "重命名")}</button>
                " "
                {move || if confirm_delete.get() {
                    view! {
                        <button class="btn small danger" data-testid="dataset-delete-confirm"
                            on:click=move |_| { confirm_delete.set(false); persist::delete_dataset(state, id.get_value()); }>
                            {t("Delete for good", "确认删除")}
                        </button>
                        " "
                        <button class="btn small" on:click=move |_| confirm_delete.set(false)>{t("Keep", "保留")}</button>
                    }.into_any()
                } else {
                    view! {
                        <button class="btn small" data-testid="dataset-delete" on:click=move |_| confirm_delete.set(true)>{t("Delete", "删除")}</button>
                    }.into_any()
                }}
            </td>
        </tr>
    }
}

/// The open dataset's KPIs next to another stored dataset's, with the changes. Both sides
/// cover all dates (the stored all-dates overview of each; no re-import needed).
#[component]
pub fn CompareCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Datasets other than the open one that have a stored overview.
    let others = Memo::new(move |_| {
        let cur = state.current_dataset.get();
        state.datasets.with(|all| {
            all.iter()
                .filter(|r| Some(&r.id) != cur.as_ref() && r.overview.is_some())
                .map(|r| (r.id.clone(), r.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let chosen = Memo::new(move |_| {
        let list = others.get();
        let want = state.compare_with.get();
        want.filter(|w| list.iter().any(|(id, _)| id == w))
            .or_else(|| list.last().map(|(id, _)| id.clone()))
    });
    // (name, KPIs, whether the dataset has prices)
    let current_kpis = Memo::new(move |_| -> Option<(String, Kpis, bool)> {
        let cur = state.current_dataset.get()?;
        let live = state.overview.with(|o| {
            o.as_ref()
                .filter(|o| o.params == Default::default())
                .map(|o| (o.kpis.clone(), o.priced))
        });
        state.datasets.with(|all| {
            let r = all.iter().find(|r| r.id == cur)?;
            let (k, priced) =
                live.or_else(|| r.overview.as_ref().map(|o| (o.kpis.clone(), o.priced)))?;
            Some((r.name.clone(), k, priced))
        })
    });
    let other_kpis = Memo::new(move |_| -> Option<(String, Kpis, bool)> {
        let id = chosen.get()?;
        state.datasets.with(|all| {
            let r = all.iter().find(|r| r.id == id)?;
            let o = r.overview.as_ref()?;
            Some((r.name.clone(), o.kpis.clone(), o.priced))
        })
    });
    let visible =
        move || !others.with(Vec::is_empty) && state.current_dataset.with(Option::is_some);
    view! {
        <Show when=visible>
            <section class="card compare" data-testid="compare">
                <div class="card-head">
                    <h2>{t("Compare datasets", "数据集对比")}</h2>
                    <label>
                        {t("Compare with ", "对比对象 ")}
                        <select data-testid="compare-select"
                            on:change=move |ev| state.compare_with.set(Some(event_target_value(&ev)))>
                            {move || others.get().into_iter().map(|(id, name)| {
                                let sel = chosen.get().as_deref() == Some(id.as_str());
                                view! { <option value=id selected=sel>{name}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                {move || match (current_kpis.get(), other_kpis.get()) {
                    (Some((cur_name, cur, cur_priced)), Some((other_name, other, other_priced))) => {
                        let rows = compare(&cur, &other, cur_priced && other_priced);
                        view! {
                            <table class="data-table" data-testid="compare-table">
                                <thead><tr>
                                    <th>{t("KPI", "指标")}</th>
                                    <th class="num" data-testid="compare-current-name">{cur_name}</th>
                                    <th class="num" data-testid="compare-other-name">{other_name}</th>
                                    <th class="num">{t("Change", "变化")}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|d| {
                                        let (up, down) = (d.improvement().is_gt(), d.improvement().is_lt());
                                        view! {
                                            <tr data-testid=format!("cmp-{}", d.key.key())
                                                data-current=round3(d.current) data-other=round3(d.other)
                                                data-delta=round3(d.delta)
                                                data-relative=d.relative.map(|r| format!("{}", (r * 1e4).round() / 1e4)).unwrap_or_default()>
                                                <td>{kpi_label(d.key)}</td>
                                                <td class="num">{kpi_shown(d.key, d.current)}</td>
                                                <td class="num">{kpi_shown(d.key, d.other)}</td>
                                                <td class="num" class:up=up class:down=down>{delta_shown(d.key, d.delta, d.relative)}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            <p class="muted small">{t("Each column covers all dates of its dataset. Change = open dataset − the other (rates in percentage points); money is shown without a currency, as the two datasets may differ.",
                                "每列覆盖各自数据集的全部日期。变化 = 当前数据集 − 对比数据集（比率以百分点表示）；金额不带货币符号，因为两个数据集的货币可能不同。")}</p>
                        }.into_any()
                    }
                    _ => view! { <p class="muted">{t("Computing the overview of the open dataset…", "正在计算当前数据集的概览…")}</p> }.into_any(),
                }}
            </section>
        </Show>
    }
}

/// The day of a stored date-time ("2024-04-01 00:00:00" → "2024-04-01").
fn day(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

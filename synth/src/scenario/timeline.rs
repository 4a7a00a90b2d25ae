//! A case's status history with realistic durations and outcomes: registration turns into an
//! investigation within days to weeks; most investigations end dismissed or suspended; few
//! cases reach a court, and fewer a conviction.

use chrono::NaiveDate;
use korgon_domain::ExploitationForm;
use korgon_domain::{CaseStatus, ClosureReason};

use super::dates::add_days;
use crate::model::StatusChange;
use crate::rng::{SynthRng, between, weighted};

use CaseStatus::*;

/// What happens next, chosen with weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    To(CaseStatus, &'static str),
    Close(ClosureReason, &'static str),
}

const OPENED: Step = Step::To(UnderInvestigation, "Возбуждено уголовное дело");
const REFUSED: Step = Step::Close(
    ClosureReason::Dismissed,
    "Отказано в возбуждении уголовного дела: недостаточно данных",
);
const RECONCILED: Step = Step::Close(
    ClosureReason::Dismissed,
    "Прекращено в связи с примирением сторон",
);
const NO_CRIME: Step = Step::Close(
    ClosureReason::Dismissed,
    "Прекращено за отсутствием состава преступления",
);
const NOT_FOUND: Step = Step::Close(
    ClosureReason::Suspended,
    "Приостановлено: лицо, подлежащее привлечению в качестве обвиняемого, не установлено",
);
const ABROAD: Step = Step::Close(
    ClosureReason::Suspended,
    "Приостановлено: обвиняемый скрылся, объявлен в розыск",
);
const MERGED: Step = Step::Close(
    ClosureReason::Merged,
    "Соединено в одно производство с другим уголовным делом",
);
const OTHER: Step = Step::Close(ClosureReason::Other, "Передано по подследственности");
const TO_PROSECUTOR: Step = Step::To(
    SentToProsecutor,
    "Направлено прокурору с обвинительным заключением",
);
const TO_COURT: Step = Step::To(InCourt, "Направлено в суд");
const BACK_TO_INVESTIGATION: Step = Step::To(
    UnderInvestigation,
    "Возвращено для производства дополнительного расследования",
);
const PROSECUTOR_DISMISSED: Step = Step::Close(ClosureReason::Dismissed, "Прекращено прокурором");
const CONVICTED: Step = Step::Close(ClosureReason::Convicted, "Вынесен обвинительный приговор");
const ACQUITTED: Step = Step::Close(ClosureReason::Acquitted, "Вынесен оправдательный приговор");
const COURT_DISMISSED: Step = Step::Close(
    ClosureReason::Dismissed,
    "Прекращено судом в связи с примирением сторон",
);
const RETURNED: Step = Step::To(SentToProsecutor, "Возвращено судом прокурору");
const REOPENED: Step = Step::To(UnderInvestigation, "Производство возобновлено");

fn next_step(
    rng: &mut SynthRng,
    status: CaseStatus,
    reason: Option<ClosureReason>,
    has_suspect: bool,
    marriage: bool,
    loops: &mut u8,
) -> Option<(Step, (i64, i64))> {
    let (table, days): (Vec<(Step, u32)>, (i64, i64)) = match (status, reason) {
        (Registered, _) => {
            let refused = if marriage { 30 } else { 15 };
            (vec![(OPENED, 100 - refused), (REFUSED, refused)], (1, 21))
        }
        (UnderInvestigation, _) if !has_suspect => (
            vec![(NOT_FOUND, 60), (NO_CRIME, 30), (MERGED, 6), (OTHER, 4)],
            (30, 300),
        ),
        (UnderInvestigation, _) => {
            let reconciled = if marriage { 25 } else { 5 };
            (
                vec![
                    (TO_PROSECUTOR, 45),
                    (ABROAD, 20),
                    (NO_CRIME, 20),
                    (RECONCILED, reconciled),
                    (MERGED, 5),
                    (OTHER, 5),
                ],
                (30, 300),
            )
        }
        (SentToProsecutor, _) => {
            let back = if *loops < 2 { 15 } else { 0 };
            (
                vec![
                    (TO_COURT, 78),
                    (BACK_TO_INVESTIGATION, back),
                    (PROSECUTOR_DISMISSED, 7),
                ],
                (10, 45),
            )
        }
        (InCourt, _) => {
            let returned = if *loops < 2 { 10 } else { 0 };
            (
                vec![
                    (CONVICTED, 62),
                    (ACQUITTED, 10),
                    (COURT_DISMISSED, 18),
                    (RETURNED, returned),
                ],
                (60, 400),
            )
        }
        (Closed, Some(ClosureReason::Suspended)) if *loops < 2 => (
            vec![(REOPENED, 8), (Step::Close(ClosureReason::Other, ""), 92)],
            (90, 700),
        ),
        (Closed, _) => return None,
    };
    let step = weighted(rng, &table);
    if matches!(step, Step::Close(_, "")) {
        return None;
    }
    if matches!(step, Step::To(_, _))
        && matches!(status, SentToProsecutor | InCourt | Closed)
        && !matches!(step, Step::To(InCourt, _))
    {
        *loops += 1;
    }
    Some((step, days))
}

/// The status history of a case opened on `opened_on`, cut at `today`. Every step obeys
/// [`CaseStatus::may_become`] and [`ClosureReason::allowed_from`].
pub(crate) fn draw_timeline(
    rng: &mut SynthRng,
    opened_on: NaiveDate,
    today: NaiveDate,
    has_suspect: bool,
    form: ExploitationForm,
) -> Vec<StatusChange> {
    let marriage = matches!(
        form,
        ExploitationForm::ForcedMarriage | ExploitationForm::ChildMarriage
    );
    let mut timeline = vec![StatusChange {
        on: opened_on,
        status: Registered,
        closure_reason: None,
        reason: "Зарегистрировано сообщение о преступлении".to_owned(),
    }];
    let mut loops = 0u8;
    while let Some(last) = timeline.last() {
        let (status, reason, on) = (last.status, last.closure_reason, last.on);
        let Some((step, (low, high))) =
            next_step(rng, status, reason, has_suspect, marriage, &mut loops)
        else {
            break;
        };
        let when = add_days(on, between(rng, low, high));
        if when > today {
            break;
        }
        let (status, closure_reason, text) = match step {
            Step::To(next, text) => (next, None, text),
            Step::Close(why, text) => (Closed, Some(why), text),
        };
        timeline.push(StatusChange {
            on: when,
            status,
            closure_reason,
            reason: text.to_owned(),
        });
    }
    timeline
}

//! `emails`: outgoing mail queue, and the outbox staff read when SMTP is not configured.

use sea_orm::entity::prelude::*;

use super::enums::EmailStatus;

/// One row of `emails`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "emails")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Recipient address.
    pub to_address: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    #[sea_orm(column_type = "Text")]
    pub body_text: String,
    /// HTML body.
    #[sea_orm(column_type = "Text", nullable)]
    pub body_html: Option<String>,
    /// Queued, sent, failed or held.
    pub status: EmailStatus,
    /// Send attempts so far.
    pub attempts: i32,
    /// Error of the last failed attempt.
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    /// Order the mail is about.
    pub order_id: Option<i64>,
    /// When it was queued.
    pub created_at: DateTimeUtc,
    /// When it was sent.
    pub sent_at: Option<DateTimeUtc>,
}

/// `emails` has no relations.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

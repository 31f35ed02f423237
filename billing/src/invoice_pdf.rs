//! The invoice as a PDF (A4, printpdf): seller and buyer, the number and dates, the line, the
//! tax base (DPP), PPN and total in Rupiah, bilingual labels, and a "LUNAS / PAID" stamp with
//! the method, reference and time once paid. DejaVu Sans (a Latin subset, billing/fonts) is
//! embedded so every viewer shows the text the same; times are in WIB.

use chrono::{DateTime, FixedOffset, Utc};
use entities::billing::invoices;
use entities::billing::money::rupiah;
use printpdf::{
    Color, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt,
    Rect, Rgb, TextItem,
};

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans-Latin.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Latin-Bold.ttf");

/// Who issues the invoice (`billing.seller_*`).
#[derive(Clone, Debug, Default)]
pub struct Seller {
    pub name: String,
    pub npwp: String,
    pub address: String,
}

/// What the invoice covers, when it bought a plan period.
#[derive(Clone, Copy, Debug)]
pub struct Period {
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

#[derive(Debug, thiserror::Error)]
#[error("the invoice font could not be read")]
pub struct FontError;

fn wib(at: DateTime<Utc>, with_time: bool) -> String {
    let Some(offset) = FixedOffset::east_opt(7 * 3600) else {
        return at.format("%Y-%m-%d %H:%M UTC").to_string();
    };
    let local = at.with_timezone(&offset);
    if with_time {
        format!("{} WIB", local.format("%Y-%m-%d %H:%M"))
    } else {
        local.format("%Y-%m-%d").to_string()
    }
}

/// Text placed on the page, line by line.
struct Page {
    ops: Vec<Op>,
    regular: PdfFontHandle,
    bold: PdfFontHandle,
}

impl Page {
    fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, text: &str) {
        let font = if bold { &self.bold } else { &self.regular };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(y)),
            },
            Op::SetFont {
                font: font.clone(),
                size: Pt(size),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    fn fill(&mut self, r: f32, g: f32, b: f32) {
        self.ops.push(Op::SetFillColor {
            col: Color::Rgb(Rgb::new(r, g, b, None)),
        });
    }

    fn rule(&mut self, y: f32) {
        self.fill(0.85, 0.84, 0.83);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Mm(20.0).into(),
                y: Mm(y).into(),
                width: Mm(170.0).into(),
                height: Mm(0.3).into(),
                mode: None,
                winding_order: None,
            },
        });
        self.fill(0.1, 0.1, 0.1);
    }

    /// A label in Indonesian and English, then the value.
    fn field(&mut self, y: f32, label: &str, value: &str) {
        self.text(20.0, y, 9.0, false, label);
        self.text(75.0, y, 9.0, true, value);
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error(transparent)]
    Font(#[from] FontError),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}

/// The PDF of a stored invoice, with the period it bought (one rule for the download and
/// `satu admin invoice`).
pub async fn for_invoice(
    db: &impl sea_orm::ConnectionTrait,
    invoice: &invoices::Model,
    seller: &Seller,
) -> Result<Vec<u8>, PdfError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let period = entities::billing::periods::Entity::find()
        .filter(entities::billing::periods::Column::InvoiceId.eq(invoice.id))
        .one(db)
        .await?
        .map(|p| Period {
            starts_at: p.starts_at,
            ends_at: p.ends_at,
        });
    Ok(render(invoice, seller, period)?)
}

/// The file name a download gets: `INV-2026-000123.pdf`.
pub fn file_name(invoice: &invoices::Model) -> String {
    format!("{}.pdf", invoice.number.replace('/', "-"))
}

pub fn render(
    invoice: &invoices::Model,
    seller: &Seller,
    period: Option<Period>,
) -> Result<Vec<u8>, FontError> {
    let mut doc = PdfDocument::new(&invoice.number);
    let mut warnings = Vec::new();
    let regular = ParsedFont::from_bytes(REGULAR, 0, &mut warnings).ok_or(FontError)?;
    let bold = ParsedFont::from_bytes(BOLD, 0, &mut warnings).ok_or(FontError)?;
    let mut page = Page {
        ops: Vec::new(),
        regular: PdfFontHandle::External(doc.add_font(&regular)),
        bold: PdfFontHandle::External(doc.add_font(&bold)),
    };
    if let Ok(issued) =
        printpdf::date::OffsetDateTime::from_unix_timestamp(invoice.issued_at.timestamp())
    {
        doc.metadata.info.creation_date = issued;
        doc.metadata.info.modification_date = issued;
        doc.metadata.info.metadata_date = issued;
    }
    header(&mut page, invoice, seller);
    details(&mut page, invoice, period);
    let y = lines(&mut page, invoice);
    totals(&mut page, invoice, y);
    if invoice.status == "paid" {
        paid_stamp(&mut page, invoice);
    }
    page.text(
        20.0,
        18.0,
        7.5,
        false,
        "Dokumen ini bukan Faktur Pajak. / This document is not a tax invoice (e-Faktur).",
    );
    let bytes = doc
        .with_pages(vec![PdfPage::new(Mm(210.0), Mm(297.0), page.ops)])
        .save(&PdfSaveOptions::default(), &mut Vec::new());
    Ok(bytes)
}

fn header(page: &mut Page, invoice: &invoices::Model, seller: &Seller) {
    page.fill(0.78, 0.06, 0.18);
    page.text(20.0, 272.0, 20.0, true, &seller.name);
    page.fill(0.1, 0.1, 0.1);
    let mut y = 265.0;
    for line in seller.address.lines().filter(|l| !l.trim().is_empty()) {
        page.text(20.0, y, 8.5, false, line.trim());
        y -= 4.5;
    }
    if !seller.npwp.is_empty() {
        page.text(20.0, y, 8.5, false, &format!("NPWP {}", seller.npwp));
    }
    let title = if invoice.kind == "credit_note" {
        "NOTA KREDIT / CREDIT NOTE"
    } else {
        "INVOICE"
    };
    page.text(120.0, 272.0, 16.0, true, title);
    page.text(120.0, 265.0, 10.0, false, &invoice.number);
    page.rule(248.0);
}

fn details(page: &mut Page, invoice: &invoices::Model, period: Option<Period>) {
    let number_label = if invoice.kind == "credit_note" {
        "Nomor Nota / Credit Note No."
    } else {
        "Nomor Invoice / Invoice No."
    };
    page.field(240.0, number_label, &invoice.number);
    page.field(234.0, "Tanggal / Date", &wib(invoice.issued_at, false));
    page.field(228.0, "Jatuh Tempo / Due Date", &wib(invoice.due_at, false));
    if let Some(p) = period {
        let span = format!("{} – {}", wib(p.starts_at, false), wib(p.ends_at, false));
        page.field(222.0, "Periode / Period", &span);
    }
    page.text(20.0, 210.0, 9.0, false, "Ditagihkan kepada / Bill To");
    let mut y = 204.0;
    if let Some(name) = invoice.buyer_name.as_deref().filter(|n| !n.is_empty()) {
        page.text(20.0, y, 10.0, true, name);
        y -= 5.0;
    }
    page.text(20.0, y, 10.0, false, &invoice.buyer_email);
}

/// The table of lines; returns where it ends.
fn lines(page: &mut Page, invoice: &invoices::Model) -> f32 {
    let y = 185.0;
    page.text(20.0, y, 8.0, true, "Deskripsi / Description");
    page.text(98.0, y, 8.0, true, "Jml / Qty");
    page.text(116.0, y, 8.0, true, "Harga Satuan / Unit Price");
    page.text(160.0, y, 8.0, true, "Jumlah / Amount");
    page.rule(182.0);
    let mut row = 176.0;
    let mut line = |page: &mut Page, description: &str, amount: i64| {
        page.text(20.0, row, 9.5, false, description);
        page.text(98.0, row, 9.5, false, "1");
        page.text(116.0, row, 9.5, false, &rupiah(amount));
        page.text(160.0, row, 9.5, false, &rupiah(amount));
        row -= 6.0;
    };
    line(page, &invoice.description, invoice.net + invoice.credit);
    if invoice.credit != 0 {
        let days = invoice.credit_days;
        let credit = format!("Kredit sisa {days} hari / Credit for {days} unused days");
        line(page, &credit, -invoice.credit);
    }
    let end = row + 1.0;
    page.rule(end);
    end
}

fn totals(page: &mut Page, invoice: &invoices::Model, top: f32) {
    let mut y = top - 8.0;
    let mut row = |page: &mut Page, label: &str, value: i64, bold: bool| {
        page.text(98.0, y, 9.5, bold, label);
        page.text(160.0, y, 9.5, bold, &rupiah(value));
        y -= 6.0;
    };
    row(page, "Subtotal", invoice.net, false);
    if invoice.ppn != 0 {
        row(page, "DPP Nilai Lain / Tax Base", invoice.tax_base, false);
        row(page, "PPN 12% / VAT 12%", invoice.ppn, false);
    }
    row(page, "Total", invoice.total, true);
}

fn paid_stamp(page: &mut Page, invoice: &invoices::Model) {
    page.fill(0.05, 0.5, 0.25);
    page.text(20.0, 120.0, 22.0, true, "LUNAS / PAID");
    page.fill(0.1, 0.1, 0.1);
    let mut y = 112.0;
    if let Some(method) = &invoice.paid_method {
        page.text(
            20.0,
            y,
            9.0,
            false,
            &format!("Metode Pembayaran / Payment Method: {method}"),
        );
        y -= 5.0;
    }
    if let Some(reference) = &invoice.paid_reference {
        page.text(
            20.0,
            y,
            9.0,
            false,
            &format!("Referensi / Reference: {reference}"),
        );
        y -= 5.0;
    }
    if let Some(at) = invoice.paid_at {
        page.text(
            20.0,
            y,
            9.0,
            false,
            &format!("Dibayar / Paid: {}", wib(at, true)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invoice(status: &str) -> invoices::Model {
        let at = DateTime::parse_from_rfc3339("2026-12-05T03:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        invoices::Model {
            id: uuid::Uuid::nil(),
            number: "INV/2026/000123".to_owned(),
            user_id: uuid::Uuid::nil(),
            kind: "subscription".to_owned(),
            plan_id: Some("pro".to_owned()),
            description: "Satu Pro 12/2026".to_owned(),
            net: 89_189,
            tax_base: 81_757,
            ppn: 9_811,
            total: 99_000,
            status: status.to_owned(),
            credit_note_for: None,
            buyer_email: "budi@example.test".to_owned(),
            buyer_name: Some("Budi Santoso".to_owned()),
            issued_at: at,
            due_at: at,
            paid_at: Some(at),
            paid_method: Some("bank_transfer".to_owned()),
            paid_reference: Some("INV-2026-000123-1".to_owned()),
            credit: 0,
            credit_days: 0,
            credit_period_id: None,
        }
    }

    #[test]
    fn renders_a_small_pdf_with_its_font_subset() {
        let seller = Seller {
            name: "PT Satu Teknologi".to_owned(),
            npwp: "0123456789012345".to_owned(),
            address: "Jl. Sudirman 1\nJakarta".to_owned(),
        };
        let pdf = render(&invoice("paid"), &seller, None).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() < 200_000, "fonts are subset: {} bytes", pdf.len());
        if let Ok(path) = std::env::var("SATU_WRITE_SAMPLE_PDF") {
            std::fs::write(path, &pdf).unwrap();
        }
    }
}

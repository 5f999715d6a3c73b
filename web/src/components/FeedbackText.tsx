import { Fragment, useId, useState } from 'react'
import type { Finding } from '../api'
import { useI18n } from '../i18n'

interface Piece {
  text: string
  finding?: Finding
}

/**
 * Splits a text into plain pieces and pieces covered by a finding. Finding offsets are in
 * Unicode code points (not UTF-16 units), so the text is handled as an array of code points.
 * Findings that are out of range, empty or overlap an earlier one are left out.
 */
export function splitByFindings(text: string, findings: Finding[]): Piece[] {
  const points = Array.from(text)
  const valid = findings
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end > f.start && f.end <= points.length)
    .sort((a, b) => a.start - b.start)
  const pieces: Piece[] = []
  let cursor = 0
  for (const finding of valid) {
    if (finding.start < cursor) continue
    if (finding.start > cursor) pieces.push({ text: points.slice(cursor, finding.start).join('') })
    pieces.push({ text: points.slice(finding.start, finding.end).join(''), finding })
    cursor = finding.end
  }
  if (cursor < points.length) pieces.push({ text: points.slice(cursor).join('') })
  return pieces
}

export function FeedbackText({ text, findings, supportLanguage }: { text: string; findings: Finding[]; supportLanguage?: string }) {
  const { t } = useI18n()
  const baseId = useId()
  const [open, setOpen] = useState<number | null>(null)
  const pieces = splitByFindings(text, findings)
  const openFinding = open === null ? undefined : pieces[open]?.finding

  return (
    <>
      <p className="voki-message__text" dir="auto">
        {pieces.map((piece, index) =>
          piece.finding ? (
            <button
              key={index}
              type="button"
              className="voki-finding"
              aria-expanded={open === index}
              aria-controls={`${baseId}-panel`}
              onClick={() => setOpen(open === index ? null : index)}
              onFocus={() => setOpen(index)}
              onKeyDown={(e) => e.key === 'Escape' && setOpen(null)}
            >
              {piece.text}
            </button>
          ) : (
            <Fragment key={index}>{piece.text}</Fragment>
          ),
        )}
      </p>
      {pieces.some((p) => p.finding) && <p className="voki-finding-hint">{t('chat.feedback.hint')}</p>}
      <div id={`${baseId}-panel`} className="voki-finding-panel" hidden={!openFinding}>
        {openFinding && (
          <>
            {openFinding.suggestions?.length > 0 && (
              <p>
                <strong>{t('chat.feedback.suggestion')}:</strong>{' '}
                <span lang="nb">{openFinding.suggestions.join(' / ')}</span>
              </p>
            )}
            {openFinding.explanation && (
              <p>
                <strong>{t('chat.feedback.explanation')}:</strong>{' '}
                <span lang={supportLanguage}>{openFinding.explanation}</span>
              </p>
            )}
            {openFinding.explanation_nb && openFinding.explanation_nb !== openFinding.explanation && (
              <p lang="nb">
                <strong>{t('chat.feedback.in_norwegian')}:</strong> {openFinding.explanation_nb}
              </p>
            )}
            <button type="button" className="voki-linkbutton" onClick={() => setOpen(null)}>
              {t('chat.feedback.close')}
            </button>
          </>
        )}
      </div>
    </>
  )
}

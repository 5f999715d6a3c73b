import { useEffect, useRef, type ReactNode } from 'react'

// The first page shown needs no focus move; after that, each page change moves focus to the
// new page's heading so screen reader and keyboard users start at the top of the new content.
let firstPageShown = false

export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    document.title = `${title} – Voki`
  }, [title])

  useEffect(() => {
    if (firstPageShown) ref.current?.focus()
    firstPageShown = true
  }, [])

  return (
    <h1 ref={ref} tabIndex={-1} className="voki-page-title">
      {children}
    </h1>
  )
}

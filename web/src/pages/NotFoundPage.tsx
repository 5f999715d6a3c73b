import { Link } from 'react-router-dom'
import { useI18n } from '../i18n'
import { PageHeading } from '../components/PageHeading'

export function NotFoundPage() {
  const { t } = useI18n()
  return (
    <div className="voki-narrow">
      <PageHeading title={t('page.not_found')}>{t('page.not_found')}</PageHeading>
      <p>
        <Link to="/">Voki</Link>
      </p>
    </div>
  )
}

import type { Bot } from '../api'

// The avatar comes from bot configuration: either an image path/URL or a short text such as
// an emoji. It is decorative (the name is next to it), so it is hidden from screen readers.
export function BotAvatar({ bot, size = 'medium' }: { bot: Pick<Bot, 'avatar' | 'name'>; size?: 'small' | 'medium' }) {
  const avatar = (bot.avatar ?? '').trim()
  const isImage = /^(\/|https:\/\/)[^\s]*$/.test(avatar) || /\.(svg|png|jpe?g|webp)$/i.test(avatar)
  const className = `voki-avatar voki-avatar--${size}`
  if (isImage) return <img className={className} src={avatar} alt="" aria-hidden="true" />
  const text = avatar && [...avatar].length <= 4 ? avatar : [...(bot.name || '?')][0]
  return (
    <span className={className} aria-hidden="true">
      {text}
    </span>
  )
}

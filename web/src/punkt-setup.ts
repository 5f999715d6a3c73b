// Must be imported before @oslokommune/punkt-react: Punkt reads these globals when it loads
// and would otherwise fetch icons from Oslo's CDN. Voki serves them itself (see vite.config.ts).
declare global {
  interface Window {
    pktIconPath?: string
    pktAnimationPath?: string
  }
}

window.pktIconPath = '/punkt-icons/'
window.pktAnimationPath = '/punkt-icons/'

export {}

export { useHomeBadges, badgeText, type HomeBadges } from './use-home-badges'

import { useEffect, useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * Runs `load` when the page mounts and again whenever it is shown after another page (e.g. back from a claim's
 * page, which may have moved the claim on). The first show is covered by the mount.
 */
export function useLoadAndRefresh(load: () => unknown): void {
  const mounted = useRef(false)
  useEffect(() => {
    void load()
    mounted.current = true
  }, [load])
  useDidShow(() => {
    if (mounted.current) void load()
  })
}

import { useThree } from '@react-three/fiber'
import { useEffect } from 'react'

/**
 * Rests the scene's default controls (the model scene's orbit controls) while the calling
 * component is mounted. Those controls keep moving the 2D camera, which three.js folds into the
 * XR camera it culls with and that `readHeadPose` reads (seen with three 0.187 and IWER: the head
 * read 7 m off). An immersive session owns the camera, so the controls wait until it ends.
 */
export function usePauseSceneControls(): void {
  const controls = useThree((state) => state.controls) as { enabled: boolean } | null
  useEffect(() => {
    if (!controls) return
    controls.enabled = false
    return () => {
      controls.enabled = true
    }
  }, [controls])
}

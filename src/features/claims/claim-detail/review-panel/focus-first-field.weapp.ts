/** Mini-program: the text box's own `autofocus` raises the keyboard; nothing more to do. Same export as the .h5 file. */
export function focusFirstField(_id: string): void {}

import { Text } from '@tarojs/components';

/** An error message from the server (already in Chinese), shown inline where the action happened. */
export function ErrorNote({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <Text id={id} className='error-note'>
      {message}
    </Text>
  );
}

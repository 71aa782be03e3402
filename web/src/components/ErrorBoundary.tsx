import { Box, Button, Stack } from '@chakra-ui/react';
import { Component, type ReactNode } from 'react';
import { ErrorAlert } from './feedback';

/** A bug in one screen shows a message and a way out, never a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidUpdate(previous: { resetKey?: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <Box p="8" maxW="2xl">
        <Stack gap="4">
          <ErrorAlert title="This screen hit an unexpected error" error={this.state.error} />
          <Button alignSelf="start" onClick={() => this.setState({ error: null })}>Try again</Button>
        </Stack>
      </Box>
    );
  }
}

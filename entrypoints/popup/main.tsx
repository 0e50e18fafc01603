import { render } from 'preact';
import { localiseDocument } from '../../utils/i18n';
import { App } from './App';
import { sizePopup } from './popup-size';
import '../../components/base.css';
import './style.css';

localiseDocument('popup_title');
sizePopup();
const root = document.getElementById('app');
if (root) render(<App />, root);
